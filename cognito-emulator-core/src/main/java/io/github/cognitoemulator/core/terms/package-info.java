/** Terms documents: the terms of use and privacy policy links managed login shows for an app client. */
@NullMarked
package io.github.cognitoemulator.core.terms;

import org.jspecify.annotations.NullMarked;
