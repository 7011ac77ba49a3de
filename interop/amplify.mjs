// AWS Amplify JavaScript v6 (aws-amplify/auth) against the emulator, configured as an app configures it for Amazon
// Cognito with only userPoolEndpoint pointing at the emulator: the default sign-in (USER_SRP_AUTH), the session and
// its tokens, NEW_PASSWORD_REQUIRED, sign-up and password reset with the codes from /_emulator/messages, a forced
// token refresh, sign-out, a software token (TOTP) set up and then asked for at sign-in, and passwordless sign-in
// (USER_AUTH with EMAIL_OTP).
import {
	AdminCreateUserCommand,
	AdminGetUserCommand,
	SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
	confirmResetPassword,
	confirmSignIn,
	confirmSignUp,
	fetchAuthSession,
	fetchMFAPreference,
	getCurrentUser,
	resetPassword,
	setUpTOTP,
	signIn,
	signOut,
	signUp,
	updateMFAPreference,
	verifyTOTPSetup,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sharedInMemoryStorage } from 'aws-amplify/utils';
import {
	EMULATOR_URL,
	UUID,
	check,
	createClient,
	createConfirmedUser,
	createPool,
	equal,
	finish,
	latestCode,
	matches,
	nextTotp,
	rejects,
	sdk,
	step,
	totp,
	totpStep,
} from './lib.mjs';

const CLIENT = 'aws-amplify';
const admin = sdk();

// --- the Cognito calls Amplify makes ------------------------------------------------------------------------------
// Amplify sends its requests with the global fetch. Each call is noted (action, the members of its body, the answer)
// so that a failing step can say what was sent and what came back.
const calls = [];
const fetchOfNode = globalThis.fetch;
globalThis.fetch = async (input, init = {}) => {
	const target = new Headers(init.headers).get('x-amz-target');
	const response = await fetchOfNode(input, init);
	if (target) {
		const call = { action: target.replace(/^AWSCognitoIdentityProviderService\./, ''), status: response.status };
		try {
			const body = JSON.parse(init.body);
			call.members = Object.keys(body).filter(key => body[key] !== undefined);
			call.authFlow = body.AuthFlow;
			call.challengeName = body.ChallengeName;
		} catch {
			// Not a JSON body; nothing more to note.
		}
		if (!response.ok) {
			const text = await response.clone().text();
			try {
				const error = JSON.parse(text);
				call.error = [error.__type, error.message].filter(Boolean).join(': ');
			} catch {
				call.error = text.slice(0, 200);
			}
		}
		calls.push(call);
	}
	return response;
};

function describeCalls(made) {
	if (made.length === 0) return 'no Cognito call';
	return made
		.map(call => {
			const flow = call.authFlow ?? call.challengeName;
			const request = `${call.action}${flow ? ` ${flow}` : ''} {${(call.members ?? []).join(', ')}}`;
			return `${request} -> ${call.status}${call.error ? ` ${call.error}` : ''}`;
		})
		.join('; ');
}

/**
 * One step with Amplify: a failure also tells which Cognito calls Amplify made during the step. Whoever is signed
 * in at the end is signed out, so that every step starts signed out.
 */
function amplifyStep(name, fn) {
	return step(CLIENT, name, async () => {
		const first = calls.length;
		try {
			await fn(() => calls.slice(first));
		} catch (err) {
			const made = describeCalls(calls.slice(first));
			if (err && typeof err === 'object') {
				err.message = `${err.message ?? ''} [Amplify's calls: ${made}]`;
				throw err;
			}
			throw new Error(`${String(err)} [Amplify's calls: ${made}]`);
		} finally {
			await signOutIfSignedIn();
		}
	});
}

async function signOutIfSignedIn() {
	try {
		await getCurrentUser();
	} catch {
		return;
	}
	await signOut();
}

// --- checks -------------------------------------------------------------------------------------------------------
function equalJson(actual, expected, what) {
	equal(JSON.stringify(actual), JSON.stringify(expected), what);
}

/** The actions of calls, e.g. ["InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER"]. */
const actions = made => made.map(call => [call.action, call.authFlow ?? call.challengeName].filter(Boolean).join(' '));

function checkSignedIn(output, what) {
	equal(output?.isSignedIn, true, `${what} isSignedIn`);
	equal(output?.nextStep?.signInStep, 'DONE', `${what} nextStep.signInStep`);
}

async function subOf(username) {
	const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
	return user.UserAttributes.find(attribute => attribute.Name === 'sub')?.Value;
}

/** fetchAuthSession's tokens, checked against the user and the app client; returns them with their payloads. */
async function checkSession(username, options) {
	const session = await fetchAuthSession(options);
	const { accessToken, idToken } = session.tokens ?? {};
	check(accessToken && idToken, `fetchAuthSession returned no ID and access tokens: ${JSON.stringify(session)}`);
	const access = accessToken.payload;
	const id = idToken.payload;
	matches(accessToken.toString(), /^[\w-]+\.[\w-]+\.[\w-]+$/, 'access token');
	matches(idToken.toString(), /^[\w-]+\.[\w-]+\.[\w-]+$/, 'ID token');
	equal(access.token_use, 'access', 'access token token_use');
	equal(access.username, username, 'access token username');
	equal(access.client_id, clientId, 'access token client_id');
	equal(access.iss, `${EMULATOR_URL}/${poolId}`, 'access token iss');
	equal(id.token_use, 'id', 'ID token token_use');
	equal(id['cognito:username'], username, 'ID token cognito:username');
	equal(id.aud, clientId, 'ID token aud');
	equal(id.iss, `${EMULATOR_URL}/${poolId}`, 'ID token iss');
	matches(id.sub, UUID, 'ID token sub');
	equal(access.sub, id.sub, 'sub of the access token and of the ID token');
	equal(id.sub, await subOf(username), 'ID token sub = the user\'s sub attribute');
	equal(session.userSub, id.sub, 'fetchAuthSession userSub');
	return { session, access, id };
}

// --- steps --------------------------------------------------------------------------------------------------------
let poolId;
let clientId;

await step(CLIENT, 'setup: pool with email auto-verification, app client, Amplify.configure with userPoolEndpoint', async () => {
	poolId = await createPool(admin, 'interop-amplify', { AutoVerifiedAttributes: ['email'] });
	({ ClientId: clientId } = await createClient(admin, poolId, 'amplify-web', {
		ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	}));
	Amplify.configure({
		Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: EMULATOR_URL } },
	});
	// Node has no localStorage: the tokens are kept in Amplify's in-memory storage (its fallback in Node anyway).
	cognitoUserPoolsTokenProvider.setKeyValueStorage(sharedInMemoryStorage);
	equal(Amplify.getConfig().Auth?.Cognito?.userPoolEndpoint, EMULATOR_URL, 'configured userPoolEndpoint');
});

await amplifyStep('signIn with the default flow (USER_SRP_AUTH) signs a CONFIRMED user in', async madeSoFar => {
	await createConfirmedUser(admin, poolId, 'amy', 'Amy-Pass-1', { email: 'amy@example.com' });
	checkSignedIn(await signIn({ username: 'amy', password: 'Amy-Pass-1' }), 'signIn');
	equalJson(
		actions(madeSoFar()),
		['InitiateAuth USER_SRP_AUTH', 'RespondToAuthChallenge PASSWORD_VERIFIER'],
		'calls of the default sign-in'
	);
});

await amplifyStep('fetchAuthSession returns ID and access tokens; getCurrentUser names the user', async () => {
	await createConfirmedUser(admin, poolId, 'ben', 'Ben-Pass-1', { email: 'ben@example.com' });
	checkSignedIn(await signIn({ username: 'ben', password: 'Ben-Pass-1' }), 'signIn');
	const { id } = await checkSession('ben');
	equal(id.email, 'ben@example.com', 'ID token email');
	const user = await getCurrentUser();
	equal(user.username, 'ben', 'getCurrentUser username');
	equal(user.userId, id.sub, 'getCurrentUser userId');
	equal(user.signInDetails?.loginId, 'ben', 'getCurrentUser signInDetails.loginId');
	equal(user.signInDetails?.authFlowType, 'USER_SRP_AUTH', 'getCurrentUser signInDetails.authFlowType');
});

await amplifyStep('signIn with a wrong password fails with NotAuthorizedException', async () => {
	await createConfirmedUser(admin, poolId, 'cat', 'Cat-Pass-1');
	await rejects(
		signIn({ username: 'cat', password: 'Cat-Pass-2' }),
		'NotAuthorizedException',
		'Incorrect username or password.'
	);
	await rejects(getCurrentUser(), 'UserUnAuthenticatedException');
});

await amplifyStep('a temporary password gives CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED; confirmSignIn signs in', async () => {
	await admin.send(
		new AdminCreateUserCommand({
			UserPoolId: poolId,
			Username: 'dan',
			TemporaryPassword: 'Temp-Pass-1',
			MessageAction: 'SUPPRESS',
			UserAttributes: [{ Name: 'email', Value: 'dan@example.com' }],
		})
	);
	const first = await signIn({ username: 'dan', password: 'Temp-Pass-1' });
	equal(first.isSignedIn, false, 'signIn isSignedIn');
	equal(first.nextStep?.signInStep, 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', 'signIn nextStep.signInStep');
	checkSignedIn(await confirmSignIn({ challengeResponse: 'Dan-Pass-1' }), 'confirmSignIn');
	await checkSession('dan');
	const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dan' }));
	equal(user.UserStatus, 'CONFIRMED', 'UserStatus after the new password');
	await signOut();
	checkSignedIn(await signIn({ username: 'dan', password: 'Dan-Pass-1' }), 'signIn with the new password');
});

await amplifyStep('signUp, confirmSignUp with the emailed code, then signIn', async madeSoFar => {
	const out = await signUp({
		username: 'eve',
		password: 'Eve-Pass-1',
		options: { userAttributes: { email: 'eve@example.com' } },
	});
	equal(out.isSignUpComplete, false, 'signUp isSignUpComplete');
	matches(out.userId, UUID, 'signUp userId');
	equal(out.nextStep?.signUpStep, 'CONFIRM_SIGN_UP', 'signUp nextStep.signUpStep');
	equalJson(
		out.nextStep?.codeDeliveryDetails,
		{ destination: 'e***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' },
		'signUp nextStep.codeDeliveryDetails'
	);
	// Amplify turns Cognito's UserNotConfirmedException into the next step of the sign-in.
	const mark = madeSoFar().length;
	const unconfirmed = await signIn({ username: 'eve', password: 'Eve-Pass-1' });
	equal(unconfirmed.isSignedIn, false, 'signIn before confirmation isSignedIn');
	equal(unconfirmed.nextStep?.signInStep, 'CONFIRM_SIGN_UP', 'signIn before confirmation nextStep.signInStep');
	equal(
		madeSoFar()[mark]?.error,
		'UserNotConfirmedException: User is not confirmed.',
		'answer to the InitiateAuth of an unconfirmed user'
	);
	const confirmed = await confirmSignUp({ username: 'eve', confirmationCode: await latestCode(poolId, 'eve') });
	equal(confirmed.isSignUpComplete, true, 'confirmSignUp isSignUpComplete');
	equal(confirmed.nextStep?.signUpStep, 'DONE', 'confirmSignUp nextStep.signUpStep');
	checkSignedIn(await signIn({ username: 'eve', password: 'Eve-Pass-1' }), 'signIn');
	const { id } = await checkSession('eve');
	equal(id.sub, out.userId, 'ID token sub = signUp userId');
	equal(id.email, 'eve@example.com', 'ID token email');
	equal(id.email_verified, true, 'ID token email_verified');
});

await amplifyStep('resetPassword, confirmResetPassword with the emailed code, then signIn with the new password', async () => {
	await createConfirmedUser(admin, poolId, 'fay', 'Fay-Pass-1', { email: 'fay@example.com', email_verified: 'true' });
	const out = await resetPassword({ username: 'fay' });
	equal(out.isPasswordReset, false, 'resetPassword isPasswordReset');
	equal(out.nextStep?.resetPasswordStep, 'CONFIRM_RESET_PASSWORD_WITH_CODE', 'resetPassword nextStep.resetPasswordStep');
	equalJson(
		out.nextStep?.codeDeliveryDetails,
		{ deliveryMedium: 'EMAIL', destination: 'f***@e***', attributeName: 'email' },
		'resetPassword nextStep.codeDeliveryDetails'
	);
	await confirmResetPassword({
		username: 'fay',
		confirmationCode: await latestCode(poolId, 'fay'),
		newPassword: 'Fay-Pass-2',
	});
	await rejects(
		signIn({ username: 'fay', password: 'Fay-Pass-1' }),
		'NotAuthorizedException',
		'Incorrect username or password.'
	);
	checkSignedIn(await signIn({ username: 'fay', password: 'Fay-Pass-2' }), 'signIn with the new password');
	await checkSession('fay');
});

await amplifyStep('fetchAuthSession({ forceRefresh: true }) gets new tokens with the refresh token', async madeSoFar => {
	await createConfirmedUser(admin, poolId, 'gus', 'Gus-Pass-1');
	checkSignedIn(await signIn({ username: 'gus', password: 'Gus-Pass-1' }), 'signIn');
	const before = await checkSession('gus');
	const signedIn = madeSoFar().length;
	const after = await checkSession('gus', { forceRefresh: true });
	const refresh = madeSoFar().slice(signedIn);
	check(refresh.length > 0, 'fetchAuthSession({ forceRefresh: true }) made no call');
	check(refresh.every(call => call.status === 200), `the refresh failed: ${describeCalls(refresh)}`);
	check(after.access.jti !== before.access.jti, 'the refreshed access token has the same jti');
	check(
		after.session.tokens.idToken.toString() !== before.session.tokens.idToken.toString(),
		'the ID token was not renewed'
	);
	equal(after.access.origin_jti, before.access.origin_jti, 'origin_jti after refresh');
	equal(after.access.auth_time, before.access.auth_time, 'auth_time after refresh');
	equal(after.id.auth_time, before.id.auth_time, 'ID token auth_time after refresh');
	const user = await getCurrentUser();
	equal(user.username, 'gus', 'getCurrentUser username after refresh');
});

await amplifyStep('signOut signs out locally; the user can sign in again', async madeSoFar => {
	await createConfirmedUser(admin, poolId, 'hal', 'Hal-Pass-1');
	checkSignedIn(await signIn({ username: 'hal', password: 'Hal-Pass-1' }), 'signIn');
	await rejects(signIn({ username: 'hal', password: 'Hal-Pass-1' }), 'UserAlreadyAuthenticatedException');
	const signedIn = madeSoFar().length;
	await signOut();
	const signingOut = madeSoFar().slice(signedIn);
	await rejects(getCurrentUser(), 'UserUnAuthenticatedException');
	const session = await fetchAuthSession();
	equal(session.tokens, undefined, 'fetchAuthSession tokens after signOut');
	checkSignedIn(await signIn({ username: 'hal', password: 'Hal-Pass-1' }), 'signIn after signOut');
	// Amplify revokes the refresh token while signing out and goes on to clear its tokens whatever the answer.
	for (const call of signingOut.filter(made => made.status !== 200)) {
		console.log(`  note ${CLIENT}: signOut sent ${describeCalls([call])}; Amplify ignores the error`);
	}
});

// --- MFA with a software token (TOTP) -----------------------------------------------------------------------------
// The pool offers TOTP as optional MFA, so the steps above, which sign in without it, are unchanged.
let totpSecret;
let totpLastStep = 0;

await amplifyStep('setUpTOTP, verifyTOTPSetup and updateMFAPreference make TOTP the preferred MFA', async madeSoFar => {
	await admin.send(
		new SetUserPoolMfaConfigCommand({
			UserPoolId: poolId,
			MfaConfiguration: 'OPTIONAL',
			SoftwareTokenMfaConfiguration: { Enabled: true },
		})
	);
	await createConfirmedUser(admin, poolId, 'ivy', 'Ivy-Pass-1');
	checkSignedIn(await signIn({ username: 'ivy', password: 'Ivy-Pass-1' }), 'signIn before TOTP');
	const details = await setUpTOTP();
	matches(details.sharedSecret, /^[A-Z2-7]{52}$/, 'setUpTOTP sharedSecret');
	const uri = details.getSetupUri('interop', 'ivy').toString();
	check(uri.startsWith('otpauth://totp/interop:ivy?secret=' + details.sharedSecret), `setup URI ${uri}`);
	await rejects(
		verifyTOTPSetup({ code: totp(details.sharedSecret, totpStep() + 10) }),
		'EnableSoftwareTokenMFAException',
		'Code mismatch and fail enable Software Token MFA'
	);
	const { code, step: used } = await nextTotp(details.sharedSecret, 0);
	await verifyTOTPSetup({ code, options: { friendlyDeviceName: 'phone' } });
	totpLastStep = used;
	await updateMFAPreference({ totp: 'PREFERRED' });
	const preference = await fetchMFAPreference();
	equal(preference.preferred, 'TOTP', 'fetchMFAPreference preferred');
	equalJson(preference.enabled, ['TOTP'], 'fetchMFAPreference enabled');
	check(
		actions(madeSoFar()).includes('SetUserMFAPreference'),
		`updateMFAPreference sent no SetUserMFAPreference: ${describeCalls(madeSoFar())}`
	);
	totpSecret = details.sharedSecret;
});

await amplifyStep('signIn asks for the TOTP code (CONFIRM_SIGN_IN_WITH_TOTP_CODE); confirmSignIn signs in', async madeSoFar => {
	check(totpSecret, 'no software token was set up');
	const first = await signIn({ username: 'ivy', password: 'Ivy-Pass-1' });
	equal(first.isSignedIn, false, 'signIn isSignedIn');
	equal(first.nextStep?.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', 'signIn nextStep.signInStep');
	await rejects(
		confirmSignIn({ challengeResponse: totp(totpSecret, totpStep() + 10) }),
		'CodeMismatchException',
		'Invalid code received for user'
	);
	const { code, step: used } = await nextTotp(totpSecret, totpLastStep);
	checkSignedIn(await confirmSignIn({ challengeResponse: code }), 'confirmSignIn');
	totpLastStep = used;
	await checkSession('ivy');
	equalJson(
		actions(madeSoFar()).filter(action => action.startsWith('RespondToAuthChallenge SOFTWARE')),
		['RespondToAuthChallenge SOFTWARE_TOKEN_MFA', 'RespondToAuthChallenge SOFTWARE_TOKEN_MFA'],
		'answers to the TOTP challenge'
	);
});

await amplifyStep('signIn with USER_AUTH preferring EMAIL_OTP; confirmSignIn with the emailed code signs in', async madeSoFar => {
	// A pool of its own, whose users may sign in with a code sent by email instead of a password.
	poolId = await createPool(admin, 'interop-amplify-passwordless', {
		Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
	});
	({ ClientId: clientId } = await createClient(admin, poolId, 'amplify-passwordless', {
		ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	}));
	Amplify.configure({
		Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: EMULATOR_URL } },
	});
	cognitoUserPoolsTokenProvider.setKeyValueStorage(sharedInMemoryStorage);
	await createConfirmedUser(admin, poolId, 'joy', 'Joy-Pass-1', { email: 'joy@example.com', email_verified: 'true' });
	const first = await signIn({ username: 'joy', options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });
	equal(first.isSignedIn, false, 'signIn isSignedIn');
	equal(first.nextStep?.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', 'signIn nextStep.signInStep');
	equal(first.nextStep?.codeDeliveryDetails?.deliveryMedium, 'EMAIL', 'signIn nextStep.codeDeliveryDetails.deliveryMedium');
	checkSignedIn(await confirmSignIn({ challengeResponse: await latestCode(poolId, 'joy') }), 'confirmSignIn');
	const { id } = await checkSession('joy');
	equal(id.email, 'joy@example.com', 'ID token email');
	equalJson(
		actions(madeSoFar()).filter(action => /^(InitiateAuth|RespondToAuthChallenge)/.test(action)),
		['InitiateAuth USER_AUTH', 'RespondToAuthChallenge EMAIL_OTP'],
		'calls of the passwordless sign-in'
	);
});

finish();
