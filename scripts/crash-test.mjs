// The crash test's client side, run by scripts/crash-test.sh in two phases against a sample on a database:
//
//   node scripts/crash-test.mjs load     sets up a pool, signs a user in, then drives sign-ups, admin writes,
//                                        sign-ins and pool creations concurrently, journals every acknowledged
//                                        write (HTTP 200), and kills the sample with SIGKILL mid-load
//   node scripts/crash-test.mjs verify   against the sample restarted on the same database: every acknowledged
//                                        write is there, the tokens issued before the kill still work, and the
//                                        pools' key ids are unchanged
//
// Environment: EMULATOR_URL, WORK_DIR (journal and state), LABEL (the store, for result lines), RESULTS; for load
// also SERVER_PID, CRASH_AFTER_WRITES (default 3000) and CRASH_AFTER_SECONDS (default 5): the sample is killed
// when either is reached.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	CognitoError,
	Emulator,
	NetworkError,
	check,
	exitCode,
	expect,
	figure,
	fromAttributes,
	record,
	required,
	toAttributes,
} from './lib/cognito.mjs';

const emulator = new Emulator(required('EMULATOR_URL'));
const WORK_DIR = required('WORK_DIR');
const LABEL = process.env.LABEL ?? 'store';
const JOURNAL = join(WORK_DIR, 'journal.jsonl');
const STATE = join(WORK_DIR, 'state.json');
const PASSWORD = 'Crash-Test-1';

const SIGN_UP_WORKERS = 6;
const ADMIN_WORKERS = 6;
const SIGN_IN_WORKERS = 2;
const POOL_WORKERS = 1;

const phase = process.argv[2];
if (phase === 'load') {
	await load();
} else if (phase === 'verify') {
	await verify();
} else {
	console.error('usage: node scripts/crash-test.mjs load|verify');
	process.exit(2);
}
process.exitCode = exitCode();

// --- load -------------------------------------------------------------------------------------------------------

async function load() {
	const serverPid = Number(required('SERVER_PID'));
	const crashAfterWrites = Number(process.env.CRASH_AFTER_WRITES ?? 3000);
	const crashAfterSeconds = Number(process.env.CRASH_AFTER_SECONDS ?? 5);

	// Before the load: a pool whose sign-ups get codes by email, a client, and a user signed in, whose tokens must
	// outlive the crash.
	const poolId = await emulator.createPool('crash-test', { AutoVerifiedAttributes: ['email'] });
	const clientId = await emulator.createClient(poolId, 'crash-test');
	const tokenUser = 'token-user';
	await emulator.createConfirmedUser(poolId, tokenUser, PASSWORD, { email: 'token-user@example.com' });
	const tokens = await emulator.signIn(clientId, tokenUser, PASSWORD);
	const kids = await emulator.kids(poolId);
	const allKids = (await emulator.get('/.well-known/jwks.json')).keys.map(key => key.kid).sort();
	writeFileSync(
		STATE,
		JSON.stringify({
			poolId,
			clientId,
			tokenUser,
			accessToken: tokens.AccessToken,
			refreshToken: tokens.RefreshToken,
			kids,
			allKids,
		})
	);
	writeFileSync(JOURNAL, '');
	console.log(`  ..   ${LABEL}: pool ${poolId}, client ${clientId}, ${tokenUser} signed in; load starts`);

	let nextId = 0;
	let acknowledged = 0;
	let killed = false;
	let killedAfterWrites = 0;
	const unexpected = [];
	const started = Date.now();

	const journal = entry => appendFileSync(JOURNAL, `${JSON.stringify(entry)}\n`);

	const kill = reason => {
		if (killed) return;
		killed = true;
		killedAfterWrites = acknowledged;
		process.kill(serverPid, 'SIGKILL');
		console.log(`  ..   ${LABEL}: SIGKILL sent to the sample (pid ${serverPid}) ${reason}`);
	};
	const timer = setTimeout(() => kill(`after ${crashAfterSeconds} s`), crashAfterSeconds * 1000);

	/**
	 * Sends one write, journalled before it goes ("send") and when it is acknowledged ("ack"). Resolves to the
	 * answer, or to undefined once the sample is gone: the caller's worker then stops.
	 */
	async function write(target, op, details, send) {
		const id = nextId++;
		journal({ ev: 'send', id, target, op, ...details });
		try {
			const answer = await send();
			acknowledged++;
			journal({ ev: 'ack', id, target, op, ...(answer?.journal ?? {}) });
			if (acknowledged >= crashAfterWrites) kill(`after ${acknowledged} acknowledged writes`);
			return answer ?? {};
		} catch (err) {
			journal({ ev: 'fail', id, target, op, error: `${err.name}: ${err.message}` });
			if (killed) return undefined;
			unexpected.push(`${op} ${target}: ${err.name}: ${err.message}`);
			// Keep the load going: a failure before the kill is reported after the verification.
			return err instanceof NetworkError ? undefined : null;
		}
	}

	async function signUpWorker(worker) {
		for (let n = 0; !killed; n++) {
			const username = `signup-${worker}-${n}`;
			const attrs = { email: `${username}@example.com`, name: `Sign-up ${worker}.${n}` };
			const target = `user:${username}`;
			const signedUp = await write(target, 'SignUp', { attrs }, () =>
				emulator.call('SignUp', {
					ClientId: clientId,
					Username: username,
					Password: PASSWORD,
					UserAttributes: toAttributes(attrs),
				})
			);
			if (signedUp === undefined) return;
			if (signedUp === null) continue;
			let code;
			try {
				code = await emulator.latestCode(poolId, username);
			} catch (err) {
				if (killed) return;
				unexpected.push(`inbox of ${username}: ${err.message}`);
				continue;
			}
			const confirmed = await write(target, 'ConfirmSignUp', {}, () =>
				emulator.call('ConfirmSignUp', { ClientId: clientId, Username: username, ConfirmationCode: code })
			);
			if (confirmed === undefined) return;
		}
	}

	async function adminWorker(worker) {
		for (let n = 0; !killed; n++) {
			const username = `admin-${worker}-${n}`;
			const target = `user:${username}`;
			const steps = [
				['AdminCreateUser', { attrs: { email: `${username}@example.com`, name: `Admin ${worker}.${n} v0` } }],
				['AdminUpdateUserAttributes', { attrs: { name: `Admin ${worker}.${n} v1`, given_name: `G${n}` } }],
				['AdminUpdateUserAttributes', { attrs: { name: `Admin ${worker}.${n} v2`, family_name: `F${n}` } }],
				['AdminSetUserPassword', {}],
				['AdminDisableUser', {}],
			];
			for (const [op, details] of steps) {
				const body = { UserPoolId: poolId, Username: username };
				if (op === 'AdminCreateUser') Object.assign(body, { MessageAction: 'SUPPRESS' });
				if (details.attrs) body.UserAttributes = toAttributes(details.attrs);
				if (op === 'AdminSetUserPassword') Object.assign(body, { Password: PASSWORD, Permanent: true });
				const answer = await write(target, op, details, () => emulator.call(op, body));
				if (answer === undefined) return;
				if (answer === null) break;
			}
		}
	}

	async function signInWorker(worker) {
		for (let n = 0; !killed; n++) {
			const answer = await write(`signin:${worker}-${n}`, 'InitiateAuth', {}, async () => {
				const result = await emulator.signIn(clientId, tokenUser, PASSWORD);
				return { journal: { accessToken: result.AccessToken, refreshToken: result.RefreshToken } };
			});
			if (answer === undefined) return;
		}
	}

	async function poolWorker(worker) {
		for (let n = 0; !killed; n++) {
			const name = `crash-pool-${worker}-${n}`;
			const created = await write(`poolname:${name}`, 'CreateUserPool', { name }, async () => {
				const id = await emulator.createPool(name);
				return { journal: { pool: id }, id };
			});
			if (created === undefined) return;
			if (created === null) continue;
			// A pool's keys are made and stored the first time they are asked for: a write behind a GET.
			const keyed = await write(`pool:${created.id}`, 'PoolKeys', { pool: created.id }, async () => ({
				journal: { kids: await emulator.kids(created.id) },
			}));
			if (keyed === undefined) return;
		}
	}

	const workers = [];
	for (let w = 0; w < SIGN_UP_WORKERS; w++) workers.push(signUpWorker(w));
	for (let w = 0; w < ADMIN_WORKERS; w++) workers.push(adminWorker(w));
	for (let w = 0; w < SIGN_IN_WORKERS; w++) workers.push(signInWorker(w));
	for (let w = 0; w < POOL_WORKERS; w++) workers.push(poolWorker(w));
	await Promise.all(workers);
	clearTimeout(timer);

	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(
		`  ..   ${LABEL}: ${acknowledged} writes acknowledged in ${seconds} s, ${killedAfterWrites} of them before the SIGKILL`
	);
	writeFileSync(join(WORK_DIR, 'unexpected.json'), JSON.stringify(unexpected));
	record(
		unexpected.length === 0,
		`crash/${LABEL}: no write failed before the SIGKILL`,
		unexpected.length ? `${unexpected.length} failed, first: ${unexpected[0]}` : ''
	);
}

// --- verify -----------------------------------------------------------------------------------------------------

/** What a user looks like after a write, given what it looked like before (undefined: no such user). */
function apply(state, entry) {
	switch (entry.op) {
		case 'SignUp':
			return { status: 'UNCONFIRMED', enabled: true, attrs: { ...entry.attrs } };
		case 'AdminCreateUser':
			return { status: 'FORCE_CHANGE_PASSWORD', enabled: true, attrs: { ...entry.attrs } };
		case 'ConfirmSignUp':
		case 'AdminSetUserPassword':
			return { ...state, status: 'CONFIRMED' };
		case 'AdminUpdateUserAttributes':
			return { ...state, attrs: { ...state.attrs, ...entry.attrs } };
		case 'AdminDisableUser':
			return { ...state, enabled: false };
		default:
			throw new Error(`unknown write ${entry.op}`);
	}
}

function sameUser(expected, actual) {
	if (expected === undefined || actual === undefined) return expected === actual;
	if (expected.status !== actual.status || expected.enabled !== actual.enabled) return false;
	return Object.entries(expected.attrs).every(([name, value]) => actual.attrs[name] === value);
}

async function fetchUser(poolId, username) {
	try {
		const out = await emulator.call('AdminGetUser', { UserPoolId: poolId, Username: username });
		return { status: out.UserStatus, enabled: out.Enabled, attrs: fromAttributes(out.UserAttributes) };
	} catch (err) {
		if (err instanceof CognitoError && err.name === 'UserNotFoundException') return undefined;
		throw err;
	}
}

/** Runs fn over items, a few at a time. */
async function eachLimited(items, limit, fn) {
	let next = 0;
	const run = async () => {
		while (next < items.length) {
			const item = items[next++];
			await fn(item);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}

async function verify() {
	const state = JSON.parse(readFileSync(STATE, 'utf8'));
	const entries = readFileSync(JOURNAL, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map(line => JSON.parse(line));

	// Each write, in the order it was sent; the acknowledgement (if any) joined to it.
	const writes = new Map();
	for (const entry of entries) {
		if (entry.ev === 'send') writes.set(entry.id, { ...entry, outcome: 'in flight' });
		else Object.assign(writes.get(entry.id), entry, { outcome: entry.ev });
	}
	const all = [...writes.values()];
	const acked = all.filter(w => w.outcome === 'ack');
	const inFlight = all.filter(w => w.outcome !== 'ack');
	const byOp = {};
	for (const w of acked) byOp[w.op] = (byOp[w.op] ?? 0) + 1;

	let present = 0;
	let missing = 0;
	let landed = 0;
	const lost = [];

	// Users: each target's writes went one after the other, so its state must be the one after its last acknowledged
	// write, or after the one write that was in flight at the kill (sent, never answered).
	const users = new Map();
	for (const w of all.filter(w => w.target.startsWith('user:'))) {
		if (!users.has(w.target)) users.set(w.target, []);
		users.get(w.target).push(w);
	}
	await eachLimited([...users.entries()], 16, async ([target, list]) => {
		const username = target.slice('user:'.length);
		const ackedList = list.filter(w => w.outcome === 'ack');
		const pending = list.filter(w => w.outcome !== 'ack');
		// Sent in order: nothing after a write that got no answer.
		const snapshots = [undefined];
		for (const w of [...ackedList, ...pending.slice(0, 1)]) snapshots.push(apply(snapshots.at(-1), w));
		const actual = await fetchUser(state.poolId, username);
		let k = -1;
		for (let i = snapshots.length - 1; i >= 0; i--) {
			if (sameUser(snapshots[i], actual)) {
				k = i;
				break;
			}
		}
		const kept = k < 0 ? 0 : Math.min(k, ackedList.length);
		present += kept;
		missing += ackedList.length - kept;
		if (k > ackedList.length) landed++;
		if (kept < ackedList.length) {
			lost.push(
				`${username}: ${ackedList
					.slice(kept)
					.map(w => w.op)
					.join(', ')} (found ${JSON.stringify(actual)})`
			);
		}
	});

	// Pools created during the load: there, with the key ids they published.
	const pools = acked.filter(w => w.op === 'CreateUserPool');
	const poolKeys = new Map(acked.filter(w => w.op === 'PoolKeys').map(w => [w.pool, w.kids]));
	await eachLimited(pools, 8, async w => {
		let exists = true;
		try {
			await emulator.call('DescribeUserPool', { UserPoolId: w.pool });
		} catch (err) {
			if (!(err instanceof CognitoError && err.name === 'ResourceNotFoundException')) throw err;
			exists = false;
		}
		if (exists) present++;
		else {
			missing++;
			lost.push(`pool ${w.pool} (${w.name})`);
		}
		const kids = poolKeys.get(w.pool);
		if (kids === undefined) return;
		const now = exists ? await emulator.kids(w.pool) : [];
		if (JSON.stringify(now) === JSON.stringify(kids)) present++;
		else {
			missing++;
			lost.push(`keys of pool ${w.pool}: published ${kids.join(',')} before the kill, ${now.join(',')} now`);
		}
	});

	// Sign-ins acknowledged during the load: their refresh token refreshes and their access token is accepted.
	const signIns = acked.filter(w => w.op === 'InitiateAuth');
	let signInsWorking = 0;
	await eachLimited(signIns, 16, async w => {
		try {
			await emulator.call('GetUser', { AccessToken: w.accessToken });
			await emulator.refresh(state.clientId, w.refreshToken);
			present++;
			signInsWorking++;
		} catch (err) {
			missing++;
			lost.push(`sign-in ${w.target}: ${err.name}: ${err.message}`);
		}
	});

	figure(`crash/${LABEL}/acknowledged writes`, `${acked.length} (${JSON.stringify(byOp)})`);
	figure(`crash/${LABEL}/verified present`, present);
	figure(`crash/${LABEL}/missing`, missing);
	const inFlightOnUsers = inFlight.filter(w => w.target.startsWith('user:')).length;
	figure(
		`crash/${LABEL}/in flight at the kill`,
		`${inFlight.length} (${landed} of the ${inFlightOnUsers} on users found applied)`
	);
	record(
		missing === 0 && present === acked.length,
		`crash/${LABEL}: every acknowledged write survived the SIGKILL`,
		`${acked.length} acknowledged, ${present} present, ${missing} missing${lost.length ? `; e.g. ${lost.slice(0, 5).join('; ')}` : ''}`
	);
	record(
		signInsWorking === signIns.length,
		`crash/${LABEL}: the sign-ins acknowledged during the load still work (GetUser and refresh)`,
		`${signInsWorking} of ${signIns.length}`
	);

	await check(`crash/${LABEL}: an access token issued before the kill works with GetUser`, async () => {
		const out = await emulator.call('GetUser', { AccessToken: state.accessToken });
		expect(out.Username === state.tokenUser, `GetUser answered for ${out.Username}`);
	});
	await check(`crash/${LABEL}: a refresh token issued before the kill refreshes (REFRESH_TOKEN_AUTH)`, async () => {
		const result = await emulator.refresh(state.clientId, state.refreshToken);
		const out = await emulator.call('GetUser', { AccessToken: result.AccessToken });
		expect(out.Username === state.tokenUser, `the refreshed token is ${out.Username}'s`);
	});
	await check(`crash/${LABEL}: the pool's JWKS key ids are unchanged`, async () => {
		const kids = await emulator.kids(state.poolId);
		expect(
			JSON.stringify(kids) === JSON.stringify(state.kids),
			`${state.kids.join(',')} before, ${kids.join(',')} after`
		);
		return kids.join(', ');
	});
	await check(`crash/${LABEL}: /.well-known/jwks.json still lists every key id it listed before the load`, async () => {
		const now = new Set((await emulator.get('/.well-known/jwks.json')).keys.map(key => key.kid));
		const gone = state.allKids.filter(kid => !now.has(kid));
		expect(gone.length === 0, `gone: ${gone.join(', ')}`);
	});
}
