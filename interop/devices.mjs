// amazon-cognito-identity-js remembering a device: the first sign-in confirms the new device itself, the user
// remembers it, the next sign-in goes through DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER with the stored device
// key, and a forgotten device is replaced by a new one at the following sign-in.
import { AdminForgetDeviceCommand, AdminListDevicesCommand } from '@aws-sdk/client-cognito-identity-provider';
import cognito from 'amazon-cognito-identity-js';
import {
	EMULATOR_URL,
	UUID,
	check,
	claims,
	createClient,
	createConfirmedUser,
	createPool,
	equal,
	finish,
	matches,
	sdk,
	step,
} from './lib.mjs';

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = cognito;

const CLIENT = 'amazon-cognito-identity-js devices';
const PASSWORD = 'Str0ng!Passw0rd';
const DEVICE_KEY = new RegExp(`^us-east-1_${UUID.source.slice(1, -1)}$`);
const admin = sdk();

let poolId;
let pool;
/** The calls the library made, as "Operation" or "RespondToAuthChallenge:CHALLENGE". */
let calls = [];
/** The errors the emulator answered them with, as "Code: message". */
let errors = [];

function newPool(clientId) {
	const created = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: `${EMULATOR_URL}/` });
	const request = created.client.request.bind(created.client);
	created.client.request = (operation, params, callback) => {
		calls.push(operation === 'RespondToAuthChallenge' ? `${operation}:${params.ChallengeName}` : operation);
		return request(operation, params, (err, data) => {
			if (err) errors.push(`${err.code}: ${err.message}`);
			callback(err, data);
		});
	};
	return created;
}

/** authenticateUser as a promise: resolves to the user, its session and whether the user must confirm the device. */
function signIn(username) {
	const user = new CognitoUser({ Username: username, Pool: pool });
	return new Promise((resolve, reject) => {
		user.authenticateUser(new AuthenticationDetails({ Username: username, Password: PASSWORD }), {
			onSuccess: (session, userConfirmationNecessary) => resolve({ user, session, userConfirmationNecessary }),
			onFailure: reject,
			mfaRequired: () => reject(new Error('unexpected SMS_MFA challenge')),
			totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA challenge')),
			newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED challenge')),
		});
	});
}

/** A callback-style call of the library as a promise. */
const promised = (call) =>
	new Promise((resolve, reject) => call({ onSuccess: resolve, onFailure: reject }));

let first;
let second;
let deviceKey;

await step(CLIENT, 'set up a pool that remembers devices when the user says so', async () => {
	poolId = await createPool(admin, 'identity-js-devices', {
		DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
	});
	const client = await createClient(admin, poolId, 'web', {
		ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	});
	await createConfirmedUser(admin, poolId, 'dana', PASSWORD);
	pool = newPool(client.ClientId);
});

await step(CLIENT, 'authenticateUser confirms the new device itself and is told the user must confirm it', async () => {
	calls = [];
	first = await signIn('dana');
	equal(first.userConfirmationNecessary, true, 'userConfirmationNecessary');
	deviceKey = first.user.deviceKey;
	matches(deviceKey, DEVICE_KEY, 'the device key the library keeps');
	equal(claims(first.session.getAccessToken().getJwtToken()).device_key, deviceKey, 'access token device_key');
	check(calls.includes('ConfirmDevice'), `ConfirmDevice was not called: ${calls.join(', ')}`);
});

await step(CLIENT, 'setDeviceStatusRemembered', async () => {
	const result = await promised((callbacks) => first.user.setDeviceStatusRemembered(callbacks));
	equal(result, 'SUCCESS', 'setDeviceStatusRemembered result');
});

await step(CLIENT, 'listDevices shows the remembered device', async () => {
	const listed = await new Promise((resolve, reject) =>
		first.user.listDevices(10, null, { onSuccess: resolve, onFailure: reject })
	);
	equal(listed.Devices?.length, 1, 'number of devices');
	equal(listed.Devices[0].DeviceKey, deviceKey, 'DeviceKey');
	const attributes = Object.fromEntries(listed.Devices[0].DeviceAttributes.map((a) => [a.Name, a.Value]));
	equal(attributes['dev:device_remembered_status'], 'remembered', 'dev:device_remembered_status');
	check(typeof attributes.device_name === 'string', `no device_name: ${JSON.stringify(attributes)}`);
});

await step(CLIENT, 'the next sign-in goes through DEVICE_SRP_AUTH with the stored device key', async () => {
	calls = [];
	second = await signIn('dana');
	equal(second.user.deviceKey, deviceKey, 'the device key the library used');
	const expected = [
		'InitiateAuth',
		'RespondToAuthChallenge:PASSWORD_VERIFIER',
		'RespondToAuthChallenge:DEVICE_SRP_AUTH',
		'RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER',
	];
	equal(calls.join(', '), expected.join(', '), 'calls of the sign-in');
	equal(claims(second.session.getAccessToken().getJwtToken()).device_key, deviceKey, 'access token device_key');
});

await step(CLIENT, 'refreshSession sends the device key its refresh token is bound to', async () => {
	const refreshed = await new Promise((resolve, reject) =>
		second.user.refreshSession(second.session.getRefreshToken(), (err, session) =>
			err ? reject(err) : resolve(session)
		)
	);
	equal(claims(refreshed.getAccessToken().getJwtToken()).device_key, deviceKey, 'refreshed access token device_key');
});

await step(CLIENT, 'getDevice', async () => {
	const got = await promised((callbacks) => second.user.getDevice(callbacks));
	equal(got.Device?.DeviceKey, deviceKey, 'Device.DeviceKey');
	check(typeof got.Device.DeviceLastAuthenticatedDate === 'number', 'no DeviceLastAuthenticatedDate');
});

await step(CLIENT, 'forgetDevice', async () => {
	const result = await promised((callbacks) => second.user.forgetDevice(callbacks));
	equal(result, 'SUCCESS', 'forgetDevice result');
	const listed = await admin.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: 'dana' }));
	equal(listed.Devices?.length, 0, 'devices after forgetting');
});

await step(CLIENT, 'a sign-in after forgetting is from a new device', async () => {
	calls = [];
	const third = await signIn('dana');
	matches(third.user.deviceKey, DEVICE_KEY, 'the new device key');
	check(third.user.deviceKey !== deviceKey, 'the forgotten device key came back');
	check(!calls.includes('RespondToAuthChallenge:DEVICE_SRP_AUTH'), `device authentication after forgetting`);
	deviceKey = third.user.deviceKey;
});

await step(CLIENT, 'a device forgotten by an administrator: the library answers again without it and signs in', async () => {
	const remembered = await signIn('dana');
	await promised((callbacks) => remembered.user.setDeviceStatusRemembered(callbacks));
	await admin.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: 'dana', DeviceKey: deviceKey }));
	calls = [];
	errors = [];
	const retried = await signIn('dana');
	equal(
		calls.slice(0, 3).join(', '),
		'InitiateAuth, RespondToAuthChallenge:PASSWORD_VERIFIER, RespondToAuthChallenge:PASSWORD_VERIFIER',
		'calls'
	);
	equal(errors[0], 'ResourceNotFoundException: Device does not exist.', 'answer to the stale device key');
	matches(retried.user.deviceKey, DEVICE_KEY, 'the new device key');
	check(retried.user.deviceKey !== deviceKey, 'the forgotten device key came back');
	check(calls.includes('ConfirmDevice'), `the new device was not confirmed: ${calls.join(', ')}`);
});

finish();
