/**
 * User pools declared up front, for example in an application's configuration: their app clients, groups, resource
 * servers, domain and users are created at startup under fixed ids, through the same operations and checks as the
 * API, and left as they are when they exist already.
 */
@NullMarked
package io.github.cognitoemulator.core.seed;

import org.jspecify.annotations.NullMarked;
