/** What users do for themselves: sign up, confirm, reset and change passwords, read and change their attributes. */
@NullMarked
package io.github.cognitoemulator.core.selfservice;

import org.jspecify.annotations.NullMarked;
