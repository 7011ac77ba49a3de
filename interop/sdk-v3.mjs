// The AWS SDK for JavaScript v3 (@aws-sdk/client-cognito-identity-provider) against the emulator: a management
// walkthrough of pools, app clients and users, plus sign-in with a client secret.
import { createHmac } from 'node:crypto';
import {
	AdminCreateUserCommand,
	AdminDeleteUserCommand,
	AdminGetUserCommand,
	AdminInitiateAuthCommand,
	AdminSetUserPasswordCommand,
	AdminUpdateUserAttributesCommand,
	DeleteUserPoolClientCommand,
	DeleteUserPoolCommand,
	DescribeUserPoolClientCommand,
	DescribeUserPoolCommand,
	GetUserCommand,
	InitiateAuthCommand,
	ListUserPoolClientsCommand,
	ListUserPoolsCommand,
	ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
	CLIENT_ID,
	EMULATOR_URL,
	POOL_ID,
	UUID,
	check,
	claims,
	createClient,
	createPool,
	equal,
	finish,
	matches,
	rejects,
	sdk,
	step,
} from './lib.mjs';

const CLIENT = '@aws-sdk/client-cognito-identity-provider';
const cognito = sdk();

const attribute = (attributes, name) => attributes?.find(a => a.Name === name)?.Value;
const secretHash = (secret, username, clientId) =>
	createHmac('sha256', secret).update(username + clientId).digest('base64');

async function expectError(promise, name, message) {
	const error = await rejects(promise, name, message);
	equal(error.$metadata?.httpStatusCode, 400, `HTTP status of ${name}`);
	return error;
}

let poolId;
let client;
let erinSub;
let tokens;

await step(CLIENT, 'CreateUserPool returns the pool with Cognito defaults', async () => {
	poolId = await createPool(cognito, 'interop-sdk');
	const { UserPool: pool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
	matches(pool.Id, POOL_ID, 'Id');
	equal(pool.Name, 'interop-sdk', 'Name');
	equal(pool.Arn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`, 'Arn');
	equal(pool.MfaConfiguration, 'OFF', 'MfaConfiguration');
	equal(pool.Policies?.PasswordPolicy?.MinimumLength, 8, 'PasswordPolicy.MinimumLength');
	equal(pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays, 7, 'TemporaryPasswordValidityDays');
	check(pool.CreationDate instanceof Date && !Number.isNaN(pool.CreationDate.getTime()), 'CreationDate is no date');
	equal(pool.SchemaAttributes?.length, 20, 'number of SchemaAttributes');
	equal(pool.SchemaAttributes?.[0]?.Name, 'sub', 'first schema attribute');
	equal(pool.SchemaAttributes?.[0]?.Mutable, false, 'sub is immutable');
});

await step(CLIENT, 'ListUserPools lists the pool', async () => {
	const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
	const listed = UserPools.find(p => p.Id === poolId);
	equal(listed?.Name, 'interop-sdk', 'listed Name');
});

await step(CLIENT, 'CreateUserPoolClient with a secret, then DescribeUserPoolClient', async () => {
	client = await createClient(cognito, poolId, 'backend', {
		GenerateSecret: true,
		ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	});
	matches(client.ClientSecret, /^[\w+]{24,64}$/, 'ClientSecret');
	const { UserPoolClient: described } = await cognito.send(
		new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: client.ClientId })
	);
	equal(described.ClientId, client.ClientId, 'ClientId');
	equal(described.ClientName, 'backend', 'ClientName');
	equal(described.UserPoolId, poolId, 'UserPoolId');
	equal(described.ClientSecret, client.ClientSecret, 'ClientSecret');
	equal(
		JSON.stringify([...described.ExplicitAuthFlows].sort()),
		JSON.stringify(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']),
		'ExplicitAuthFlows'
	);
	equal(described.RefreshTokenValidity, 30, 'RefreshTokenValidity');
	equal(described.EnableTokenRevocation, true, 'EnableTokenRevocation');
	equal(described.AuthSessionValidity, 3, 'AuthSessionValidity');
});

await step(CLIENT, 'ListUserPoolClients gives id, pool and name only', async () => {
	const { UserPoolClients } = await cognito.send(
		new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 })
	);
	equal(UserPoolClients.length, 1, 'number of clients');
	const listed = Object.fromEntries(Object.entries(UserPoolClients[0]).sort(([a], [b]) => a.localeCompare(b)));
	equal(
		JSON.stringify(listed),
		JSON.stringify({ ClientId: client.ClientId, ClientName: 'backend', UserPoolId: poolId }),
		'the listed client'
	);
});

await step(CLIENT, 'AdminCreateUser creates users in FORCE_CHANGE_PASSWORD', async () => {
	for (const [username, email] of [
		['erin', 'erin@example.com'],
		['frank', 'frank@example.org'],
	]) {
		const { User } = await cognito.send(
			new AdminCreateUserCommand({
				UserPoolId: poolId,
				Username: username,
				TemporaryPassword: 'Temp-Pass-1',
				MessageAction: 'SUPPRESS',
				UserAttributes: [
					{ Name: 'email', Value: email },
					{ Name: 'name', Value: username.toUpperCase() },
				],
			})
		);
		equal(User.Username, username, 'Username');
		equal(User.UserStatus, 'FORCE_CHANGE_PASSWORD', 'UserStatus');
		equal(User.Enabled, true, 'Enabled');
		matches(attribute(User.Attributes, 'sub'), UUID, 'sub');
		equal(attribute(User.Attributes, 'email'), email, 'email');
		if (username === 'erin') erinSub = attribute(User.Attributes, 'sub');
	}
});

await step(CLIENT, 'AdminCreateUser for an existing username fails with UsernameExistsException', async () => {
	await expectError(
		cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'erin', MessageAction: 'SUPPRESS' })),
		'UsernameExistsException',
		'User account already exists'
	);
});

await step(CLIENT, 'ListUsers with filters', async () => {
	const list = async (Filter, extra = {}) =>
		(await cognito.send(new ListUsersCommand({ UserPoolId: poolId, Filter, ...extra }))).Users;
	const exact = await list('email = "erin@example.com"');
	equal(JSON.stringify(exact.map(u => u.Username)), '["erin"]', 'email = "erin@example.com"');
	const prefix = await list('email ^= "frank@"');
	equal(JSON.stringify(prefix.map(u => u.Username)), '["frank"]', 'email ^= "frank@"');
	const bySub = await list(`sub = "${erinSub}"`);
	equal(JSON.stringify(bySub.map(u => u.Username)), '["erin"]', 'sub = ...');
	const byStatus = await list('cognito:user_status = "FORCE_CHANGE_PASSWORD"');
	equal(JSON.stringify(byStatus.map(u => u.Username).sort()), '["erin","frank"]', 'cognito:user_status filter');
	const none = await list('name = "NOBODY"');
	equal(none.length, 0, 'users named NOBODY');
	const onlyEmail = await list('username = "erin"', { AttributesToGet: ['email'] });
	equal(
		JSON.stringify(onlyEmail[0]?.Attributes),
		JSON.stringify([{ Name: 'email', Value: 'erin@example.com' }]),
		'AttributesToGet [email]'
	);
	await expectError(list('email = erin@example.com'), 'InvalidParameterException', 'Error while parsing filter.');
});

await step(CLIENT, 'AdminGetUser, AdminUpdateUserAttributes and AdminSetUserPassword', async () => {
	const before = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'erin' }));
	equal(before.Username, 'erin', 'Username');
	equal(before.UserStatus, 'FORCE_CHANGE_PASSWORD', 'UserStatus');
	equal(attribute(before.UserAttributes, 'sub'), erinSub, 'sub');
	equal(attribute(before.UserAttributes, 'name'), 'ERIN', 'name');
	check(before.UserMFASettingList === undefined, 'UserMFASettingList is present although no MFA is set');
	await cognito.send(
		new AdminUpdateUserAttributesCommand({
			UserPoolId: poolId,
			Username: 'erin',
			UserAttributes: [{ Name: 'name', Value: 'Erin Example' }],
		})
	);
	await cognito.send(
		new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'erin', Password: 'Erin-Pass-1', Permanent: true })
	);
	const after = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: erinSub }));
	equal(after.Username, 'erin', 'Username when looked up by sub');
	equal(after.UserStatus, 'CONFIRMED', 'UserStatus after a permanent password');
	equal(attribute(after.UserAttributes, 'name'), 'Erin Example', 'updated name');
});

await step(CLIENT, 'InitiateAuth USER_PASSWORD_AUTH with SECRET_HASH', async () => {
	const out = await cognito.send(
		new InitiateAuthCommand({
			AuthFlow: 'USER_PASSWORD_AUTH',
			ClientId: client.ClientId,
			AuthParameters: {
				USERNAME: 'erin',
				PASSWORD: 'Erin-Pass-1',
				SECRET_HASH: secretHash(client.ClientSecret, 'erin', client.ClientId),
			},
		})
	);
	check(out.ChallengeName === undefined, `unexpected challenge ${out.ChallengeName}`);
	tokens = out.AuthenticationResult;
	equal(tokens?.TokenType, 'Bearer', 'TokenType');
	equal(tokens?.ExpiresIn, 3600, 'ExpiresIn');
	check(tokens?.RefreshToken, 'no RefreshToken');
	const access = claims(tokens.AccessToken);
	equal(access.iss, `${EMULATOR_URL}/${poolId}`, 'iss');
	equal(access.client_id, client.ClientId, 'client_id');
	equal(access.username, 'erin', 'username');
	equal(access.exp - access.iat, 3600, 'access token lifetime');
	const me = await cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
	equal(me.Username, 'erin', 'GetUser Username');
});

await step(CLIENT, 'a secret client refuses a missing or wrong SECRET_HASH', async () => {
	const auth = parameters =>
		cognito.send(
			new InitiateAuthCommand({
				AuthFlow: 'USER_PASSWORD_AUTH',
				ClientId: client.ClientId,
				AuthParameters: { USERNAME: 'erin', PASSWORD: 'Erin-Pass-1', ...parameters },
			})
		);
	await expectError(
		auth({}),
		'NotAuthorizedException',
		`Client ${client.ClientId} is configured with secret but SECRET_HASH was not received`
	);
	await expectError(
		auth({ SECRET_HASH: secretHash(client.ClientSecret, 'frank', client.ClientId) }),
		'NotAuthorizedException',
		`Unable to verify secret hash for client ${client.ClientId}`
	);
});

await step(CLIENT, 'REFRESH_TOKEN_AUTH returns new tokens and no refresh token', async () => {
	check(tokens?.RefreshToken, 'no tokens from the sign-in');
	const out = await cognito.send(
		new InitiateAuthCommand({
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			ClientId: client.ClientId,
			AuthParameters: {
				REFRESH_TOKEN: tokens.RefreshToken,
				SECRET_HASH: secretHash(client.ClientSecret, 'erin', client.ClientId),
			},
		})
	);
	check(out.AuthenticationResult?.AccessToken, 'no AccessToken');
	check(out.AuthenticationResult?.IdToken, 'no IdToken');
	check(out.AuthenticationResult?.RefreshToken === undefined, 'a RefreshToken came back');
	equal(
		claims(out.AuthenticationResult.AccessToken).origin_jti,
		claims(tokens.AccessToken).origin_jti,
		'origin_jti'
	);
});

await step(CLIENT, 'bad tokens and missing parameters get Cognito\'s errors', async () => {
	check(tokens?.AccessToken, 'no tokens from the sign-in');
	const [head, payload, signature] = tokens.AccessToken.split('.');
	const forged = `${head}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
	await expectError(
		cognito.send(new GetUserCommand({ AccessToken: forged })),
		'NotAuthorizedException',
		'Invalid Access Token'
	);
	await expectError(
		cognito.send(
			new InitiateAuthCommand({
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				ClientId: client.ClientId,
				AuthParameters: {
					REFRESH_TOKEN: 'not-a-refresh-token',
					SECRET_HASH: secretHash(client.ClientSecret, 'erin', client.ClientId),
				},
			})
		),
		'NotAuthorizedException',
		'Invalid Refresh Token.'
	);
	await expectError(
		cognito.send(
			new InitiateAuthCommand({
				AuthFlow: 'USER_PASSWORD_AUTH',
				ClientId: client.ClientId,
				AuthParameters: { PASSWORD: 'Erin-Pass-1' },
			})
		),
		'InvalidParameterException',
		'Missing required parameter USERNAME'
	);
	await expectError(
		cognito.send(
			new InitiateAuthCommand({
				AuthFlow: 'USER_PASSWORD_AUTH',
				ClientId: 'nosuchclient',
				AuthParameters: { USERNAME: 'erin', PASSWORD: 'Erin-Pass-1' },
			})
		),
		'ResourceNotFoundException',
		'User pool client nosuchclient does not exist.'
	);
});

await step(CLIENT, 'AdminInitiateAuth with a flow the client lacks fails with InvalidParameterException', async () => {
	await expectError(
		cognito.send(
			new AdminInitiateAuthCommand({
				UserPoolId: poolId,
				ClientId: client.ClientId,
				AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
				AuthParameters: {
					USERNAME: 'erin',
					PASSWORD: 'Erin-Pass-1',
					SECRET_HASH: secretHash(client.ClientSecret, 'erin', client.ClientId),
				},
			})
		),
		'InvalidParameterException',
		'Auth flow not enabled for this client'
	);
});

await step(CLIENT, 'AdminDeleteUser, then the user is gone', async () => {
	await cognito.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'frank' }));
	await expectError(
		cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'frank' })),
		'UserNotFoundException',
		'User does not exist.'
	);
});

await step(CLIENT, 'DeleteUserPoolClient, then DeleteUserPool', async () => {
	await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: client.ClientId }));
	await expectError(
		cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: client.ClientId })),
		'ResourceNotFoundException',
		`User pool client ${client.ClientId} does not exist.`
	);
	await cognito.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
	await expectError(
		cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId })),
		'ResourceNotFoundException',
		`User pool ${poolId} does not exist.`
	);
	const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
	check(!UserPools.some(p => p.Id === poolId), 'the deleted pool is still listed');
	matches(client.ClientId, CLIENT_ID, 'ClientId');
});

finish();
