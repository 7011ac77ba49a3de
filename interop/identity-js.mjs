// amazon-cognito-identity-js against the emulator: SRP sign-in (its default flow), refresh, the
// NEW_PASSWORD_REQUIRED challenge, sign-up with confirmation, forgotten passwords, a few self-service calls, a
// software token (TOTP) set up and then asked for at sign-in, and CUSTOM_AUTH against the sample's
// arithmetic-challenge trigger bean.
import { createHmac } from 'node:crypto';
import {
	AdminCreateUserCommand,
	AdminGetUserCommand,
	InitiateAuthCommand,
	RespondToAuthChallengeCommand,
	SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import cognito from 'amazon-cognito-identity-js';
import BigIntegerModule from 'amazon-cognito-identity-js/lib/BigInteger.js';
import {
	CLIENT_ID,
	EMULATOR_URL,
	UUID,
	check,
	claims,
	createClient,
	createConfirmedUser,
	createPool,
	equal,
	finish,
	inbox,
	latestCode,
	matches,
	nextTotp,
	rejects,
	sdk,
	step,
	totp,
	totpStep,
} from './lib.mjs';

const { AuthenticationDetails, AuthenticationHelper, CognitoUser, CognitoUserAttribute, CognitoUserPool, DateHelper } =
	cognito;

const CLIENT = 'amazon-cognito-identity-js';
const BigInteger = BigIntegerModule.default;
const admin = sdk();

let poolId;
let pool;

const userPool = (clientId, id = poolId) =>
	new CognitoUserPool({ UserPoolId: id, ClientId: clientId, endpoint: `${EMULATOR_URL}/` });

const userOf = (username, on = pool) => new CognitoUser({ Username: username, Pool: on });

/** authenticateUser as a promise: resolves to the session, or to the newPasswordRequired arguments. */
function signIn(username, password, on = pool, callbacks = {}) {
	const user = userOf(username, on);
	return new Promise((resolve, reject) => {
		user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
			onSuccess: session => resolve({ user, session }),
			onFailure: reject,
			newPasswordRequired: (userAttributes, requiredAttributes) =>
				callbacks.newPasswordRequired
					? resolve({ user, newPasswordRequired: { userAttributes, requiredAttributes } })
					: reject(new Error('unexpected NEW_PASSWORD_REQUIRED challenge')),
			mfaRequired: () => reject(new Error('unexpected SMS_MFA challenge')),
			totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA challenge')),
			customChallenge: () => reject(new Error('unexpected CUSTOM_CHALLENGE')),
			mfaSetup: () => reject(new Error('unexpected MFA_SETUP challenge')),
			selectMFAType: () => reject(new Error('unexpected SELECT_MFA_TYPE challenge')),
		});
	});
}

const callback = (resolve, reject) => (err, result) => (err ? reject(err) : resolve(result));

const signUp = (username, password, email, on = pool) =>
	new Promise((resolve, reject) =>
		on.signUp(
			username,
			password,
			email ? [new CognitoUserAttribute({ Name: 'email', Value: email })] : [],
			null,
			callback(resolve, reject)
		)
	);

/**
 * USER_SRP_AUTH done by hand with the library's AuthenticationHelper, so the TIMESTAMP can be chosen: returns a
 * function that answers the PASSWORD_VERIFIER challenge with a given timestamp (the challenge can be answered twice).
 */
async function srpChallenge(clientId, username, password) {
	const helper = new AuthenticationHelper(poolId.split('_')[1]);
	const srpA = await new Promise((resolve, reject) => helper.getLargeAValue(callback(resolve, reject)));
	const challenge = await admin.send(
		new InitiateAuthCommand({
			AuthFlow: 'USER_SRP_AUTH',
			ClientId: clientId,
			AuthParameters: { USERNAME: username, SRP_A: srpA.toString(16) },
		})
	);
	const parameters = challenge.ChallengeParameters;
	const key = await new Promise((resolve, reject) =>
		helper.getPasswordAuthenticationKey(
			parameters.USER_ID_FOR_SRP,
			password,
			new BigInteger(parameters.SRP_B, 16),
			new BigInteger(parameters.SALT, 16),
			callback(resolve, reject)
		)
	);
	return {
		challenge,
		answer: timestamp => {
			const signature = createHmac('sha256', Buffer.from(key))
				.update(
					Buffer.concat([
						Buffer.from(poolId.split('_')[1], 'utf8'),
						Buffer.from(parameters.USER_ID_FOR_SRP, 'utf8'),
						Buffer.from(parameters.SECRET_BLOCK, 'base64'),
						Buffer.from(timestamp, 'utf8'),
					])
				)
				.digest('base64');
			return admin.send(
				new RespondToAuthChallengeCommand({
					ClientId: clientId,
					ChallengeName: 'PASSWORD_VERIFIER',
					Session: challenge.Session,
					ChallengeResponses: {
						USERNAME: parameters.USER_ID_FOR_SRP,
						PASSWORD_CLAIM_SECRET_BLOCK: parameters.SECRET_BLOCK,
						TIMESTAMP: timestamp,
						PASSWORD_CLAIM_SIGNATURE: signature,
					},
				})
			);
		},
	};
}

function checkSession(session, username, clientId) {
	check(session.isValid(), 'the session is not valid');
	const access = claims(session.getAccessToken().getJwtToken());
	const id = claims(session.getIdToken().getJwtToken());
	equal(access.token_use, 'access', 'access token token_use');
	equal(access.client_id, clientId, 'access token client_id');
	equal(access.username, username, 'access token username');
	equal(access.scope, 'aws.cognito.signin.user.admin', 'access token scope');
	equal(access.iss, `${EMULATOR_URL}/${poolId}`, 'access token iss');
	equal(id.token_use, 'id', 'ID token token_use');
	equal(id.aud, clientId, 'ID token aud');
	equal(id['cognito:username'], username, 'ID token cognito:username');
	matches(id.sub, UUID, 'ID token sub');
	equal(access.sub, id.sub, 'sub of the access token and of the ID token');
	check(session.getRefreshToken().getToken(), 'no refresh token');
	return { access, id };
}

let srpClientId;
let alice;
await step(CLIENT, 'setup: pool with email auto-verification and an SRP client', async () => {
	poolId = await createPool(admin, 'interop-identity-js', { AutoVerifiedAttributes: ['email'] });
	const client = await createClient(admin, poolId, 'web', {
		ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	});
	srpClientId = client.ClientId;
	pool = userPool(srpClientId);
	await createConfirmedUser(admin, poolId, 'alice', 'Alice-Pass-1', { email: 'alice@example.com' });
});

await step(CLIENT, 'authenticateUser signs in with USER_SRP_AUTH', async () => {
	const { session } = await signIn('alice', 'Alice-Pass-1');
	alice = session;
	checkSession(session, 'alice', srpClientId);
});

await step(CLIENT, 'authenticateUser with a wrong password fails with NotAuthorizedException', async () => {
	await rejects(signIn('alice', 'Alice-Pass-2'), 'NotAuthorizedException', 'Incorrect username or password.');
});

await step(CLIENT, 'authenticateUser for an unknown user fails with UserNotFoundException', async () => {
	await rejects(signIn('nobody', 'Whatever-1'), 'UserNotFoundException', 'User does not exist.');
});

await step(CLIENT, 'refreshSession gives new tokens for the same sign-in', async () => {
	check(alice, 'no session from the SRP sign-in');
	const user = userOf('alice');
	const refreshed = await new Promise((resolve, reject) =>
		user.refreshSession(alice.getRefreshToken(), callback(resolve, reject))
	);
	const before = claims(alice.getAccessToken().getJwtToken());
	const { access, id } = checkSession(refreshed, 'alice', srpClientId);
	check(access.jti !== before.jti, 'the refreshed access token has the same jti');
	equal(access.origin_jti, before.origin_jti, 'origin_jti after refresh');
	equal(access.auth_time, before.auth_time, 'auth_time after refresh');
	equal(id.auth_time, before.auth_time, 'ID token auth_time after refresh');
	equal(
		refreshed.getRefreshToken().getToken(),
		alice.getRefreshToken().getToken(),
		'refresh token kept (REFRESH_TOKEN_AUTH returns none)'
	);
});

await step(CLIENT, 'getUserAttributes reads the signed-in user', async () => {
	const { user } = await signIn('alice', 'Alice-Pass-1');
	const attributes = await new Promise((resolve, reject) => user.getUserAttributes(callback(resolve, reject)));
	const byName = Object.fromEntries(attributes.map(a => [a.getName(), a.getValue()]));
	equal(byName.email, 'alice@example.com', 'email');
	matches(byName.sub, UUID, 'sub');
});

await step(CLIENT, 'changePassword, then SRP works with the new password only', async () => {
	const { user } = await signIn('alice', 'Alice-Pass-1');
	const result = await new Promise((resolve, reject) =>
		user.changePassword('Alice-Pass-1', 'Alice-Pass-3', callback(resolve, reject))
	);
	equal(result, 'SUCCESS', 'changePassword result');
	await signIn('alice', 'Alice-Pass-3');
	await rejects(signIn('alice', 'Alice-Pass-1'), 'NotAuthorizedException');
});

await step(CLIENT, 'newPasswordRequired, then completeNewPasswordChallenge signs in', async () => {
	await admin.send(
		new AdminCreateUserCommand({
			UserPoolId: poolId,
			Username: 'dave',
			TemporaryPassword: 'Temp-Pass-1',
			MessageAction: 'SUPPRESS',
			UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
		})
	);
	const { user, newPasswordRequired } = await signIn('dave', 'Temp-Pass-1', pool, { newPasswordRequired: true });
	check(newPasswordRequired, 'no NEW_PASSWORD_REQUIRED challenge for a FORCE_CHANGE_PASSWORD user');
	equal(newPasswordRequired.userAttributes.email, 'dave@example.com', 'challenge userAttributes.email');
	check(Array.isArray(newPasswordRequired.requiredAttributes), 'requiredAttributes is not an array');
	const session = await new Promise((resolve, reject) =>
		user.completeNewPasswordChallenge('Dave-Pass-1', {}, { onSuccess: resolve, onFailure: reject })
	);
	checkSession(session, 'dave', srpClientId);
	const status = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dave' }));
	equal(status.UserStatus, 'CONFIRMED', 'UserStatus after the new password');
	await signIn('dave', 'Dave-Pass-1');
});

let carolSub;
await step(CLIENT, 'signUp sends a code to the auto-verified email', async () => {
	const result = await new Promise((resolve, reject) =>
		pool.signUp(
			'carol',
			'Carol-Pass-1',
			[new CognitoUserAttribute({ Name: 'email', Value: 'carol@example.com' })],
			null,
			callback(resolve, reject)
		)
	);
	equal(result.userConfirmed, false, 'userConfirmed');
	matches(result.userSub, UUID, 'userSub');
	carolSub = result.userSub;
	const delivery = result.codeDeliveryDetails;
	equal(delivery?.AttributeName, 'email', 'CodeDeliveryDetails.AttributeName');
	equal(delivery?.DeliveryMedium, 'EMAIL', 'CodeDeliveryDetails.DeliveryMedium');
	equal(delivery?.Destination, 'c***@e***', 'CodeDeliveryDetails.Destination');
	const messages = await inbox(poolId, 'carol');
	equal(messages.length, 1, 'messages to carol');
	matches(messages[0].code, /^[0-9]{6}$/, 'confirmation code');
	equal(messages[0].destination, 'carol@example.com', 'message destination');
});

await step(CLIENT, 'an unconfirmed user cannot sign in (UserNotConfirmedException, even with a wrong password)', async () => {
	await rejects(signIn('carol', 'Carol-Pass-1'), 'UserNotConfirmedException', 'User is not confirmed.');
	await rejects(signIn('carol', 'Carol-Pass-9'), 'UserNotConfirmedException', 'User is not confirmed.');
});

await step(CLIENT, 'confirmRegistration with a wrong code fails with CodeMismatchException', async () => {
	const code = await latestCode(poolId, 'carol');
	const wrong = String((Number(code) + 1) % 1000000).padStart(6, '0');
	await rejects(
		new Promise((resolve, reject) => userOf('carol').confirmRegistration(wrong, false, callback(resolve, reject))),
		'CodeMismatchException',
		'Invalid verification code provided, please try again.'
	);
});

await step(CLIENT, 'confirmRegistration with the emailed code, then SRP sign-in', async () => {
	const code = await latestCode(poolId, 'carol');
	const result = await new Promise((resolve, reject) =>
		userOf('carol').confirmRegistration(code, false, callback(resolve, reject))
	);
	equal(result, 'SUCCESS', 'confirmRegistration result');
	const { session, user } = await signIn('carol', 'Carol-Pass-1');
	const { id } = checkSession(session, 'carol', srpClientId);
	equal(id.sub, carolSub, 'ID token sub = SignUp UserSub');
	equal(id.email, 'carol@example.com', 'ID token email');
	equal(id.email_verified, true, 'ID token email_verified');
	const attributes = await new Promise((resolve, reject) => user.getUserAttributes(callback(resolve, reject)));
	equal(attributes.find(a => a.getName() === 'email_verified')?.getValue(), 'true', 'email_verified attribute');
});

await step(CLIENT, 'forgotPassword, then confirmPassword with the emailed code', async () => {
	const user = userOf('carol');
	const delivery = await new Promise((resolve, reject) =>
		user.forgotPassword({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve })
	);
	equal(delivery?.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL', 'CodeDeliveryDetails.DeliveryMedium');
	equal(delivery?.CodeDeliveryDetails?.Destination, 'c***@e***', 'CodeDeliveryDetails.Destination');
	const code = await latestCode(poolId, 'carol');
	const result = await new Promise((resolve, reject) =>
		user.confirmPassword(code, 'Carol-Pass-2', { onSuccess: resolve, onFailure: reject })
	);
	equal(result, 'SUCCESS', 'confirmPassword result');
	await signIn('carol', 'Carol-Pass-2');
	await rejects(signIn('carol', 'Carol-Pass-1'), 'NotAuthorizedException', 'Incorrect username or password.');
});

await step(CLIENT, 'a used forgotten-password code is refused with ExpiredCodeException', async () => {
	const code = await latestCode(poolId, 'carol');
	await rejects(
		new Promise((resolve, reject) =>
			userOf('carol').confirmPassword(code, 'Carol-Pass-3', { onSuccess: resolve, onFailure: reject })
		),
		'ExpiredCodeException',
		'Invalid code provided, please request a code again.'
	);
});

await step(CLIENT, 'a client created without ExplicitAuthFlows allows SRP and refresh', async () => {
	const client = await createClient(admin, poolId, 'defaults');
	matches(client.ClientId, CLIENT_ID, 'ClientId');
	const defaultsPool = userPool(client.ClientId);
	const { user, session } = await signIn('alice', 'Alice-Pass-3', defaultsPool);
	checkSession(session, 'alice', client.ClientId);
	await new Promise((resolve, reject) => user.refreshSession(session.getRefreshToken(), callback(resolve, reject)));
});

await step(CLIENT, 'the PASSWORD_VERIFIER challenge has Cognito\'s parameters and no Session', async () => {
	const { challenge } = await srpChallenge(srpClientId, 'alice', 'Alice-Pass-3');
	equal(challenge.ChallengeName, 'PASSWORD_VERIFIER', 'ChallengeName');
	equal(challenge.Session, undefined, 'Session');
	const parameters = challenge.ChallengeParameters;
	equal(
		JSON.stringify(Object.keys(parameters).sort()),
		JSON.stringify(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']),
		'ChallengeParameters'
	);
	equal(parameters.USER_ID_FOR_SRP, 'alice', 'USER_ID_FOR_SRP');
	matches(parameters.SALT, /^[0-9a-f]{1,32}$/, 'SALT');
	matches(parameters.SRP_B, /^[0-9a-f]+$/, 'SRP_B');
});

await step(CLIENT, 'a signed TIMESTAMP with the wrong weekday is refused; a right one is accepted once', async () => {
	const now = new DateHelper().getNowString();
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const wrongDay = `${days[(days.indexOf(now.slice(0, 3)) + 1) % 7]}${now.slice(3)}`;
	const wrong = await srpChallenge(srpClientId, 'alice', 'Alice-Pass-3');
	await rejects(wrong.answer(wrongDay), 'NotAuthorizedException', 'Incorrect username or password.');
	const right = await srpChallenge(srpClientId, 'alice', 'Alice-Pass-3');
	const out = await right.answer(now);
	check(out.AuthenticationResult?.AccessToken, 'no tokens for a correct answer');
	await rejects(right.answer(now), 'NotAuthorizedException');
});

await step(CLIENT, 'self-service errors: signUp taken name and weak password', async () => {
	await rejects(signUp('alice', 'Alice-Pass-9', 'x@example.com'), 'UsernameExistsException', 'User already exists');
	await rejects(
		signUp('ivan', 'Sh0rt!', 'ivan@example.com'),
		'InvalidPasswordException',
		'Password did not conform with policy: Password not long enough'
	);
});

let judyCode;
await step(CLIENT, 'resendConfirmationCode sends a new code, which confirms the user', async () => {
	await signUp('judy', 'Judy-Pass-1', 'judy@example.com');
	const user = userOf('judy');
	const resent = await new Promise((resolve, reject) => user.resendConfirmationCode(callback(resolve, reject)));
	equal(resent?.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL', 'CodeDeliveryDetails.DeliveryMedium');
	equal(resent?.CodeDeliveryDetails?.Destination, 'j***@e***', 'CodeDeliveryDetails.Destination');
	equal((await inbox(poolId, 'judy')).length, 2, 'messages to judy');
	judyCode = await latestCode(poolId, 'judy');
	await new Promise((resolve, reject) => user.confirmRegistration(judyCode, false, callback(resolve, reject)));
});

await step(CLIENT, 'a sign-up code replaced by resendConfirmationCode is expired (ExpiredCodeException)', async () => {
	await signUp('mike', 'Mike-Pass-1', 'mike@example.com');
	const first = await latestCode(poolId, 'mike');
	const user = userOf('mike');
	let second = first;
	while (second === first) {
		await new Promise((resolve, reject) => user.resendConfirmationCode(callback(resolve, reject)));
		second = await latestCode(poolId, 'mike');
	}
	await rejects(
		new Promise((resolve, reject) => user.confirmRegistration(first, false, callback(resolve, reject))),
		'ExpiredCodeException',
		'Invalid code provided, please request a code again.'
	);
});

await step(CLIENT, 'a confirmed user cannot be confirmed again nor get a new sign-up code', async () => {
	check(judyCode, 'judy was not confirmed');
	const user = userOf('judy');
	await rejects(
		new Promise((resolve, reject) => user.confirmRegistration(judyCode, false, callback(resolve, reject))),
		'NotAuthorizedException',
		'User cannot be confirmed. Current status is CONFIRMED'
	);
	await rejects(
		new Promise((resolve, reject) => user.resendConfirmationCode(callback(resolve, reject))),
		'InvalidParameterException',
		'User is already confirmed.'
	);
});

await step(CLIENT, 'forgotPassword errors: unknown user, no verified email, FORCE_CHANGE_PASSWORD', async () => {
	const forgot = username =>
		new Promise((resolve, reject) =>
			userOf(username).forgotPassword({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve })
		);
	await rejects(forgot('nobody'), 'UserNotFoundException', 'Username/client id combination not found.');
	await rejects(
		forgot('alice'),
		'InvalidParameterException',
		'Cannot reset password for the user as there is no registered/verified email or phone_number'
	);
	await admin.send(
		new AdminCreateUserCommand({
			UserPoolId: poolId,
			Username: 'kate',
			TemporaryPassword: 'Temp-Pass-1',
			MessageAction: 'SUPPRESS',
			UserAttributes: [
				{ Name: 'email', Value: 'kate@example.com' },
				{ Name: 'email_verified', Value: 'true' },
			],
		})
	);
	await rejects(forgot('kate'), 'NotAuthorizedException', 'User password cannot be reset in the current state.');
});

await step(CLIENT, 'completeNewPasswordChallenge with a weak password fails with InvalidPasswordException', async () => {
	const { user, newPasswordRequired } = await signIn('kate', 'Temp-Pass-1', pool, { newPasswordRequired: true });
	check(newPasswordRequired, 'no NEW_PASSWORD_REQUIRED challenge');
	await rejects(
		new Promise((resolve, reject) =>
			user.completeNewPasswordChallenge('Sh0rt!', {}, { onSuccess: resolve, onFailure: reject })
		),
		'InvalidPasswordException',
		'Password does not conform to policy: Password not long enough'
	);
});

await step(CLIENT, 'changePassword with a wrong current password fails with NotAuthorizedException', async () => {
	const { user } = await signIn('judy', 'Judy-Pass-1');
	await rejects(
		new Promise((resolve, reject) => user.changePassword('Judy-Pass-9', 'Judy-Pass-2', callback(resolve, reject))),
		'NotAuthorizedException',
		'Incorrect username or password.'
	);
});

await step(CLIENT, 'SRP by email in a pool whose usernames are emails: USER_ID_FOR_SRP is the sub', async () => {
	const emailPoolId = await createPool(admin, 'interop-identity-js-email', {
		UsernameAttributes: ['email'],
		AutoVerifiedAttributes: ['email'],
	});
	const { ClientId } = await createClient(admin, emailPoolId, 'web', {
		ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	});
	const emailPool = userPool(ClientId, emailPoolId);
	const { userSub } = await signUp('liam@example.com', 'Liam-Pass-1', undefined, emailPool);
	matches(userSub, UUID, 'UserSub');
	const code = await latestCode(emailPoolId, userSub);
	await new Promise((resolve, reject) =>
		userOf('liam@example.com', emailPool).confirmRegistration(code, false, callback(resolve, reject))
	);
	const { user, session } = await signIn('liam@example.com', 'Liam-Pass-1', emailPool);
	equal(user.getUsername(), userSub, 'username the client continues with (USER_ID_FOR_SRP)');
	const access = claims(session.getAccessToken().getJwtToken());
	const id = claims(session.getIdToken().getJwtToken());
	equal(access.username, userSub, 'access token username');
	equal(id['cognito:username'], userSub, 'ID token cognito:username');
	equal(id.email, 'liam@example.com', 'ID token email');
	await new Promise((resolve, reject) => user.refreshSession(session.getRefreshToken(), callback(resolve, reject)));
});

let hiddenPool;
await step(CLIENT, 'with PreventUserExistenceErrors an unknown user gets NotAuthorizedException; forgotPassword succeeds', async () => {
	const { ClientId } = await createClient(admin, poolId, 'hidden', {
		ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
		PreventUserExistenceErrors: 'ENABLED',
	});
	const hidden = userPool(ClientId);
	await rejects(signIn('nobody', 'Whatever-1', hidden), 'NotAuthorizedException', 'Incorrect username or password.');
	const first = await srpChallenge(ClientId, 'nobody', 'Whatever-1');
	const second = await srpChallenge(ClientId, 'nobody', 'Whatever-1');
	equal(first.challenge.ChallengeParameters.SALT, second.challenge.ChallengeParameters.SALT, 'simulated SALT');
	matches(first.challenge.ChallengeParameters.USER_ID_FOR_SRP, UUID, 'simulated USER_ID_FOR_SRP');
	await rejects(signIn('alice', 'Alice-Pass-9', hidden), 'NotAuthorizedException', 'Incorrect username or password.');
	await signIn('alice', 'Alice-Pass-3', hidden);
	const forgot = await new Promise((resolve, reject) =>
		userOf('nobody', hidden).forgotPassword({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve })
	);
	check(forgot?.CodeDeliveryDetails?.DeliveryMedium, 'forgotPassword for an unknown user gave no CodeDeliveryDetails');
	hiddenPool = hidden;
});

await step(CLIENT, 'with PreventUserExistenceErrors resendConfirmationCode for an unknown user succeeds', async () => {
	check(hiddenPool, 'no client with PreventUserExistenceErrors');
	const resent = await new Promise((resolve, reject) =>
		userOf('nobody', hiddenPool).resendConfirmationCode(callback(resolve, reject))
	);
	check(resent?.CodeDeliveryDetails?.DeliveryMedium, 'resendConfirmationCode gave no CodeDeliveryDetails');
});

await step(CLIENT, 'deleteUser removes the signed-in user', async () => {
	const { user } = await signIn('carol', 'Carol-Pass-2');
	const result = await new Promise((resolve, reject) => user.deleteUser(callback(resolve, reject)));
	equal(result, 'SUCCESS', 'deleteUser result');
	await rejects(signIn('carol', 'Carol-Pass-2'), 'UserNotFoundException', 'User does not exist.');
});

// --- MFA with a software token (TOTP) -----------------------------------------------------------------------------
let totpPool;
let totpSecret;
let totpLastStep = 0;

/** authenticateUser up to the SOFTWARE_TOKEN_MFA challenge: resolves to the user and the challenge parameters. */
function signInToTotp(username, password, on) {
	const user = userOf(username, on);
	return new Promise((resolve, reject) => {
		user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
			onSuccess: () => reject(new Error('signed in without the SOFTWARE_TOKEN_MFA challenge')),
			onFailure: reject,
			totpRequired: (challengeName, challengeParameters) => resolve({ user, challengeName, challengeParameters }),
			mfaRequired: () => reject(new Error('unexpected SMS_MFA challenge')),
			mfaSetup: () => reject(new Error('unexpected MFA_SETUP challenge')),
			selectMFAType: () => reject(new Error('unexpected SELECT_MFA_TYPE challenge')),
		});
	});
}

const sendTotp = (user, code) =>
	new Promise((resolve, reject) =>
		user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA')
	);

await step(CLIENT, 'associateSoftwareToken, verifySoftwareToken and setUserMfaPreference set up TOTP', async () => {
	const mfaPoolId = await createPool(admin, 'interop-identity-js-totp');
	await admin.send(
		new SetUserPoolMfaConfigCommand({
			UserPoolId: mfaPoolId,
			MfaConfiguration: 'OPTIONAL',
			SoftwareTokenMfaConfiguration: { Enabled: true },
		})
	);
	const { ClientId } = await createClient(admin, mfaPoolId, 'web', {
		ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	});
	totpPool = userPool(ClientId, mfaPoolId);
	await createConfirmedUser(admin, mfaPoolId, 'mia', 'Mia-Pass-1');
	const { user } = await signIn('mia', 'Mia-Pass-1', totpPool);
	totpSecret = await new Promise((resolve, reject) =>
		user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject })
	);
	matches(totpSecret, /^[A-Z2-7]{52}$/, 'SecretCode');
	const { code, step: used } = await nextTotp(totpSecret, 0);
	const verified = await new Promise((resolve, reject) =>
		user.verifySoftwareToken(code, 'phone', { onSuccess: resolve, onFailure: reject })
	);
	equal(verified.Status, 'SUCCESS', 'verifySoftwareToken Status');
	totpLastStep = used;
	const preference = await new Promise((resolve, reject) =>
		user.setUserMfaPreference(null, { PreferredMfa: true, Enabled: true }, callback(resolve, reject))
	);
	equal(preference, 'SUCCESS', 'setUserMfaPreference result');
	const settings = await new Promise((resolve, reject) =>
		user.getUserData(callback(resolve, reject), { bypassCache: true })
	);
	equal(settings.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA', 'getUserData PreferredMfaSetting');
	equal(JSON.stringify(settings.UserMFASettingList), '["SOFTWARE_TOKEN_MFA"]', 'getUserData UserMFASettingList');
});

await step(CLIENT, 'a wrong code in verifySoftwareToken fails with EnableSoftwareTokenMFAException', async () => {
	check(totpPool, 'no pool with TOTP');
	await createConfirmedUser(admin, totpPool.getUserPoolId(), 'noah', 'Noah-Pass-1');
	const { user } = await signIn('noah', 'Noah-Pass-1', totpPool);
	const secret = await new Promise((resolve, reject) =>
		user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject })
	);
	await rejects(
		new Promise((resolve, reject) =>
			user.verifySoftwareToken(totp(secret, totpStep() + 10), 'phone', { onSuccess: resolve, onFailure: reject })
		),
		'EnableSoftwareTokenMFAException',
		'Code mismatch and fail enable Software Token MFA'
	);
});

await step(CLIENT, 'sign-in asks for the TOTP code (totpRequired); sendMFACode with SOFTWARE_TOKEN_MFA signs in', async () => {
	check(totpSecret, 'no software token was set up');
	const { user, challengeName, challengeParameters } = await signInToTotp('mia', 'Mia-Pass-1', totpPool);
	equal(challengeName, 'SOFTWARE_TOKEN_MFA', 'totpRequired challengeName');
	equal(challengeParameters.FRIENDLY_DEVICE_NAME, 'phone', 'FRIENDLY_DEVICE_NAME');
	const { code, step: used } = await nextTotp(totpSecret, totpLastStep);
	const session = await sendTotp(user, code);
	totpLastStep = used;
	check(session.isValid(), 'the session is not valid');
	equal(claims(session.getAccessToken().getJwtToken()).username, 'mia', 'access token username');
});

await step(CLIENT, 'a wrong TOTP code fails with CodeMismatchException; a code used once fails with ExpiredCodeException', async () => {
	check(totpSecret, 'no software token was set up');
	const { user } = await signInToTotp('mia', 'Mia-Pass-1', totpPool);
	await rejects(
		sendTotp(user, totp(totpSecret, totpStep() + 10)),
		'CodeMismatchException',
		'Invalid code received for user'
	);
	const { code, step: used } = await nextTotp(totpSecret, totpLastStep);
	await sendTotp(user, code);
	totpLastStep = used;
	const again = await signInToTotp('mia', 'Mia-Pass-1', totpPool);
	await rejects(sendTotp(again.user, code), 'ExpiredCodeException', 'Your software token has already been used once.');
});

const CHALLENGE_FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:arithmetic-challenge';
let customPool;

/** authenticateUser with CUSTOM_AUTH, answering each customChallenge with the next of `answers`. */
function customSignIn(username, password, answers, on = customPool) {
	const user = userOf(username, on);
	user.setAuthenticationFlowType('CUSTOM_AUTH');
	const questions = [];
	return new Promise((resolve, reject) => {
		const callbacks = {
			onSuccess: session => resolve({ user, session, questions }),
			onFailure: reject,
			customChallenge: parameters => {
				questions.push(parameters);
				if (answers.length === 0) {
					reject(new Error(`no answer left for ${JSON.stringify(parameters)}`));
					return;
				}
				user.sendCustomChallengeAnswer(answers.shift(), callbacks);
			},
		};
		user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callbacks);
	});
}

await step(CLIENT, 'setup: a pool whose custom auth triggers are the sample\'s arithmetic-challenge bean', async () => {
	const id = await createPool(admin, 'interop-identity-js-custom', {
		LambdaConfig: {
			DefineAuthChallenge: CHALLENGE_FUNCTION,
			CreateAuthChallenge: CHALLENGE_FUNCTION,
			VerifyAuthChallengeResponse: CHALLENGE_FUNCTION,
		},
	});
	const { ClientId } = await createClient(admin, id, 'custom', {
		ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	});
	await createConfirmedUser(admin, id, 'quinn', 'Quinn-Pass-1');
	customPool = userPool(ClientId, id);
});

await step(CLIENT, 'CUSTOM_AUTH: SRP first, then customChallenge until sendCustomChallengeAnswer is right', async () => {
	check(customPool, 'no pool with custom auth triggers');
	const { session, questions } = await customSignIn('quinn', 'Quinn-Pass-1', ['41', '42']);
	equal(questions.length, 2, 'custom challenges asked');
	equal(questions[0].question, 'What is 6 x 7?', 'public challenge parameter question');
	equal(questions[0].triesLeft, '3', 'first triesLeft');
	equal(questions[1].triesLeft, '2', 'second triesLeft');
	check(session.isValid(), 'the session is not valid');
	const access = claims(session.getAccessToken().getJwtToken());
	equal(access.username, 'quinn', 'access token username');
	equal(access.client_id, customPool.getClientId(), 'access token client_id');
	equal(claims(session.getIdToken().getJwtToken())['cognito:username'], 'quinn', 'ID token cognito:username');
	check(session.getRefreshToken().getToken(), 'no refresh token');
});

await step(CLIENT, 'CUSTOM_AUTH: three wrong answers fail with NotAuthorizedException', async () => {
	check(customPool, 'no pool with custom auth triggers');
	await rejects(
		customSignIn('quinn', 'Quinn-Pass-1', ['1', '2', '3']),
		'NotAuthorizedException',
		'Incorrect username or password.'
	);
});

await step(CLIENT, 'CUSTOM_AUTH: a wrong password fails in the SRP round', async () => {
	check(customPool, 'no pool with custom auth triggers');
	await rejects(customSignIn('quinn', 'Quinn-Pass-2', ['42']), 'NotAuthorizedException', 'Incorrect username or password.');
});

finish();
