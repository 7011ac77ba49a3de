/**
 * The history of a user's sign-ins that threat protection keeps: AdminListUserAuthEvents, and the feedback of
 * AdminUpdateAuthEventFeedback and UpdateAuthEventFeedback.
 */
@NullMarked
package io.github.cognitoemulator.core.authevent;

import org.jspecify.annotations.NullMarked;
