/** Importing users from a CSV file: import jobs, the upload of their file and the import itself. */
@NullMarked
package io.github.cognitoemulator.core.userimport;

import org.jspecify.annotations.NullMarked;
