// The multi-instance test's client side, run by scripts/multi-instance-test.sh against two sample instances that
// share one PostgreSQL database and one issuer base URL: what one instance writes, signs or revokes, the other sees.
//
// Environment: URL_A and URL_B (the two instances), RESULTS; ROUNDS (default 20) concurrent sign-up rounds.
import {
	CognitoError,
	Emulator,
	check,
	claims,
	exitCode,
	expect,
	figure,
	fromAttributes,
	rejection,
	required,
	toAttributes,
} from './lib/cognito.mjs';

const a = new Emulator(required('URL_A'));
const b = new Emulator(required('URL_B'));
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const PASSWORD = 'Multi-Instance-1';

let poolId;
let clientId;

await check('multi: a pool and an app client created on A are visible on B', async () => {
	poolId = await a.createPool('multi-instance', { AutoVerifiedAttributes: ['email'] });
	clientId = await a.createClient(poolId, 'multi-instance');
	const pool = await b.call('DescribeUserPool', { UserPoolId: poolId });
	expect(pool.UserPool.Name === 'multi-instance', `B sees the pool as ${pool.UserPool.Name}`);
	const client = await b.call('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: clientId });
	expect(client.UserPoolClient.ClientId === clientId, 'B does not see the client');
});
if (!poolId || !clientId) {
	process.exitCode = 1;
	process.exit();
}

await check('multi: both instances publish the same key ids for the pool', async () => {
	const [kidsA, kidsB] = await Promise.all([a.kids(poolId), b.kids(poolId)]);
	expect(JSON.stringify(kidsA) === JSON.stringify(kidsB), `A: ${kidsA.join(',')}, B: ${kidsB.join(',')}`);
});

await check('multi: a user created on A signs in on B', async () => {
	await a.createConfirmedUser(poolId, 'alice', PASSWORD, { email: 'alice@example.com' });
	const tokens = await b.signIn(clientId, 'alice', PASSWORD);
	expect(claims(tokens.AccessToken).username === 'alice', 'the token is not alice\'s');
});

await check('multi: an attribute changed on A is read on B', async () => {
	await a.call('AdminUpdateUserAttributes', {
		UserPoolId: poolId,
		Username: 'alice',
		UserAttributes: toAttributes({ name: 'Alice A.' }),
	});
	const user = await b.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
	const name = fromAttributes(user.UserAttributes).name;
	expect(name === 'Alice A.', `B reads name ${JSON.stringify(name)}`);
});

let fromA;
let fromB;
const signedIn = () => expect(fromA && fromB, 'no tokens: the sign-ins on A and B failed');
await check('multi: tokens of A and B carry the same iss', async () => {
	fromA = await a.signIn(clientId, 'alice', PASSWORD);
	fromB = await b.signIn(clientId, 'alice', PASSWORD);
	const issA = claims(fromA.AccessToken).iss;
	const issB = claims(fromB.AccessToken).iss;
	expect(issA === issB, `A: ${issA}, B: ${issB}`);
	return issA;
});

await check('multi: an access token issued by A is accepted by B (GetUser)', async () => {
	signedIn();
	const out = await b.call('GetUser', { AccessToken: fromA.AccessToken });
	expect(out.Username === 'alice', `GetUser answered for ${out.Username}`);
});

await check('multi: an access token issued by B is accepted by A (GetUser)', async () => {
	signedIn();
	const out = await a.call('GetUser', { AccessToken: fromB.AccessToken });
	expect(out.Username === 'alice', `GetUser answered for ${out.Username}`);
});

await check('multi: a refresh token issued by A refreshes on B', async () => {
	signedIn();
	const refreshed = await b.refresh(clientId, fromA.RefreshToken);
	await a.call('GetUser', { AccessToken: refreshed.AccessToken });
});

await check('multi: after GlobalSignOut on A, B rejects the access tokens of both (NotAuthorizedException)', async () => {
	signedIn();
	await a.call('GlobalSignOut', { AccessToken: fromA.AccessToken });
	for (const [issuer, tokens] of [
		['A', fromA],
		['B', fromB],
	]) {
		const err = await rejection(b.call('GetUser', { AccessToken: tokens.AccessToken }), 'NotAuthorizedException');
		expect(/revoked/i.test(err.message), `B's message for ${issuer}'s token: ${err.message}`);
	}
});

await check('multi: after GlobalSignOut on A, the refresh tokens no longer refresh on B', async () => {
	signedIn();
	await rejection(b.refresh(clientId, fromA.RefreshToken), 'NotAuthorizedException');
	await rejection(b.refresh(clientId, fromB.RefreshToken), 'NotAuthorizedException');
});

await check('multi: after GlobalSignOut on A, A rejects them too', async () => {
	signedIn();
	await rejection(a.call('GetUser', { AccessToken: fromB.AccessToken }), 'NotAuthorizedException');
	await rejection(a.refresh(clientId, fromB.RefreshToken), 'NotAuthorizedException');
});

// Concurrent sign-ups of one new username, two at each instance at once: one must win, the others get
// UsernameExistsException, and each instance then finds exactly one user of that name.
await check(
	`multi: ${ROUNDS} rounds of 4 simultaneous SignUps of one username across A and B give exactly one user each`,
	async () => {
		let exactlyOne = 0;
		const problems = [];
		for (let round = 0; round < ROUNDS; round++) {
			const problem = await signUpRace(`race-${round}`);
			if (problem) problems.push(problem);
			else exactlyOne++;
		}
		figure('multi/concurrent sign-up rounds with exactly one user', `${exactlyOne} of ${ROUNDS}`);
		expect(problems.length === 0, problems.slice(0, 5).join('; '));
		return `${exactlyOne} of ${ROUNDS}`;
	}
);

/** One round: resolves to undefined when exactly one user came of it, else to what went wrong. */
async function signUpRace(username) {
	const signUp = (instance, n) =>
		instance
			.call('SignUp', {
				ClientId: clientId,
				Username: username,
				Password: PASSWORD,
				UserAttributes: toAttributes({ email: `${username}+${n}@example.com` }),
			})
			.then(
				out => ({ ok: true, sub: out.UserSub }),
				err => ({ ok: false, error: err instanceof CognitoError ? err.name : `${err.name}: ${err.message}` })
			);
	const outcomes = await Promise.all([signUp(a, 0), signUp(b, 1), signUp(a, 2), signUp(b, 3)]);
	const wins = outcomes.filter(o => o.ok);
	const others = outcomes.filter(o => !o.ok).map(o => o.error);
	const filter = `username = "${username}"`;
	const [listA, listB] = await Promise.all([
		a.call('ListUsers', { UserPoolId: poolId, Filter: filter }),
		b.call('ListUsers', { UserPoolId: poolId, Filter: filter }),
	]);
	const ok =
		wins.length === 1 &&
		others.every(e => e === 'UsernameExistsException') &&
		listA.Users.length === 1 &&
		listB.Users.length === 1 &&
		fromAttributes(listA.Users[0].Attributes).sub === wins[0].sub &&
		fromAttributes(listB.Users[0].Attributes).sub === wins[0].sub;
	return ok
		? undefined
		: `${username}: ${wins.length} succeeded, others ${others.join('/')}, A lists ${listA.Users.length}, B lists ${listB.Users.length}`;
}

process.exitCode = exitCode();
