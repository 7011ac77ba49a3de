/** The look of managed login and the classic hosted UI: managed login branding styles and UI customization. */
@NullMarked
package io.github.cognitoemulator.core.branding;

import org.jspecify.annotations.NullMarked;
