/**
 * Account-level provisioned request rates of the user pool API categories: GetProvisionedLimit and
 * UpdateProvisionedLimit.
 */
@NullMarked
package io.github.cognitoemulator.core.limit;

import org.jspecify.annotations.NullMarked;
