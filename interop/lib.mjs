// Shared helpers for the interop steps: step bookkeeping, the emulator's URLs, an AWS SDK v3 client for setup,
// and the message inbox.
import { createHmac } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import {
	AdminCreateUserCommand,
	AdminSetUserPasswordCommand,
	CognitoIdentityProviderClient,
	CreateUserPoolClientCommand,
	CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** The instance whose issuer is its own URL, e.g. http://localhost:4566 (no trailing slash). */
export const EMULATOR_URL = required('EMULATOR_URL');

/** The instance whose issuer base is Cognito's, https://cognito-idp.us-east-1.amazonaws.com. */
export const COGNITO_ISSUER_EMULATOR_URL = process.env.COGNITO_ISSUER_EMULATOR_URL ?? '';

export const COGNITO_ISSUER_BASE = 'https://cognito-idp.us-east-1.amazonaws.com';

export const POOL_ID = /^us-east-1_[0-9A-Za-z]{9}$/;
export const CLIENT_ID = /^[a-z0-9]{26}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function required(name) {
	const value = process.env[name];
	if (!value) {
		console.error(`${name} is not set; run interop/run.sh`);
		process.exit(2);
	}
	return value.replace(/\/+$/, '');
}

let passed = 0;
let failed = 0;

/**
 * Runs one named check. A step passes when fn resolves and fails when it throws; either way the outcome is
 * printed and appended to $INTEROP_RESULTS, which run.sh counts.
 */
export async function step(client, name, fn) {
	const started = Date.now();
	try {
		await fn();
		passed++;
		record(`PASS\t${client}\t${name}`);
		console.log(`  ok   ${client}: ${name} (${Date.now() - started} ms)`);
	} catch (err) {
		failed++;
		const detail = describe(err);
		record(`FAIL\t${client}\t${name}\t${detail}`);
		console.log(`interop FAILED: ${client}: ${name}: ${detail}`);
	}
}

/** Exit status for a script: non-zero when any of its steps failed. */
export function finish() {
	process.exitCode = failed > 0 ? 1 : 0;
	return { passed, failed };
}

function record(line) {
	if (process.env.INTEROP_RESULTS) {
		appendFileSync(process.env.INTEROP_RESULTS, `${line.replace(/\n/g, ' ')}\n`);
	}
}

function describe(err) {
	if (err === undefined || err === null) return String(err);
	const name = err.name ?? err.code ?? 'Error';
	const message = err.message ?? String(err);
	return `${name}: ${message}`.replace(/\s+/g, ' ').slice(0, 500);
}

export class CheckError extends Error {
	constructor(message) {
		super(message);
		this.name = 'Mismatch';
	}
}

export function check(condition, message) {
	if (!condition) throw new CheckError(message);
}

export function equal(actual, expected, what) {
	if (actual !== expected) {
		throw new CheckError(`${what}: expected ${JSON.stringify(expected)} but got ${JSON.stringify(actual)}`);
	}
}

export function matches(actual, pattern, what) {
	if (typeof actual !== 'string' || !pattern.test(actual)) {
		throw new CheckError(`${what}: expected ${pattern} but got ${JSON.stringify(actual)}`);
	}
}

/**
 * Expects promise to reject with an error whose name (or code) is errorName and, when given, whose message is
 * message. Returns the error.
 */
export async function rejects(promise, errorName, message) {
	let error;
	try {
		const value = await promise;
		throw new CheckError(`expected ${errorName} but the call succeeded: ${JSON.stringify(value)?.slice(0, 200)}`);
	} catch (err) {
		if (err instanceof CheckError) throw err;
		error = err;
	}
	const name = error?.name === 'Error' && error?.code ? error.code : (error?.name ?? error?.code);
	if (name !== errorName && error?.code !== errorName) {
		throw new CheckError(`expected ${errorName} but got ${describe(error)}`);
	}
	if (message !== undefined && error.message !== message) {
		throw new CheckError(
			`${errorName}: expected message ${JSON.stringify(message)} but got ${JSON.stringify(error.message)}`
		);
	}
	return error;
}

/** An AWS SDK v3 client for an emulator instance, with dummy static credentials. */
export function sdk(url = EMULATOR_URL) {
	return new CognitoIdentityProviderClient({
		endpoint: url,
		region: 'us-east-1',
		credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
		maxAttempts: 1,
	});
}

/** The messages that would have gone out to username in poolId, newest first. */
export async function inbox(poolId, username, url = EMULATOR_URL) {
	const query = new URLSearchParams({ poolId, username });
	const response = await fetch(`${url}/_emulator/messages?${query}`);
	check(response.ok, `GET /_emulator/messages answered ${response.status}`);
	const messages = await response.json();
	check(Array.isArray(messages), `the inbox is not a JSON array: ${JSON.stringify(messages)}`);
	return messages;
}

/** The code of the newest message to username, which must be a six-digit code. */
export async function latestCode(poolId, username, url = EMULATOR_URL) {
	const messages = await inbox(poolId, username, url);
	check(messages.length > 0, `no message was sent to ${username}`);
	matches(messages[0].code, /^[0-9]{6}$/, `code of the newest message to ${username}`);
	return messages[0].code;
}

export async function getJson(url) {
	const response = await fetch(url);
	check(response.ok, `GET ${url} answered ${response.status}`);
	return response.json();
}

/** The decoded payload of a JWT, without verifying it. */
export function claims(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

export function header(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
}

/**
 * The token with one character of its payload changed, chosen so that the payload still decodes to JSON with the
 * same members: the only thing wrong with it is that the signature no longer matches.
 */
export function tamper(jwt) {
	const [head, payload, signature] = jwt.split('.');
	const original = claims(jwt);
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	for (let offset = 0; offset < payload.length; offset++) {
		const i = (Math.floor(payload.length / 2) + offset) % payload.length;
		for (const replacement of alphabet) {
			if (replacement === payload[i]) continue;
			const changed = payload.slice(0, i) + replacement + payload.slice(i + 1);
			try {
				const decoded = JSON.parse(Buffer.from(changed, 'base64url').toString('utf8'));
				const sameKeys = JSON.stringify(Object.keys(decoded)) === JSON.stringify(Object.keys(original));
				if (sameKeys && JSON.stringify(decoded) !== JSON.stringify(original)) {
					return `${head}.${changed}.${signature}`;
				}
			} catch {
				// Not JSON any more; try another character.
			}
		}
	}
	throw new Error('no single-character change keeps the payload readable');
}

/** Creates a pool (optionally with extra settings), returning its id. */
export async function createPool(client, name, extra = {}) {
	const out = await client.send(new CreateUserPoolCommand({ PoolName: name, ...extra }));
	matches(out.UserPool?.Id, POOL_ID, 'CreateUserPool UserPool.Id');
	return out.UserPool.Id;
}

/** Creates an app client, returning its id (and secret when one was asked for). */
export async function createClient(client, poolId, name, extra = {}) {
	const out = await client.send(
		new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: name, ...extra })
	);
	matches(out.UserPoolClient?.ClientId, CLIENT_ID, 'CreateUserPoolClient UserPoolClient.ClientId');
	return out.UserPoolClient;
}

/** A confirmed user with a permanent password. */
export async function createConfirmedUser(client, poolId, username, password, attributes = {}) {
	await client.send(
		new AdminCreateUserCommand({
			UserPoolId: poolId,
			Username: username,
			MessageAction: 'SUPPRESS',
			UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
		})
	);
	await client.send(
		new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true })
	);
}

/** The TOTP time step of now: 30-second steps counted from the epoch (RFC 6238). */
export function totpStep(now = Date.now()) {
	return Math.floor(now / 1000 / 30);
}

/** The six-digit TOTP code of a base32 secret for a time step: HMAC-SHA1 and dynamic truncation (RFC 6238). */
export function totp(secret, step = totpStep()) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	const bytes = [];
	let buffer = 0;
	let bits = 0;
	for (const char of secret.replace(/=+$/, '').toUpperCase()) {
		buffer = (buffer << 5) | alphabet.indexOf(char);
		bits += 5;
		if (bits >= 8) {
			bytes.push((buffer >> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(step));
	const hash = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
	const offset = hash[hash.length - 1] & 0x0f;
	const value = hash.readUInt32BE(offset) & 0x7fffffff;
	return String(value % 1_000_000).padStart(6, '0');
}

/**
 * A TOTP code of a step after lastStep, since a code is accepted once per step: the current step's code when that
 * is newer, else the wait for the next step. Returns the code and its step.
 */
export async function nextTotp(secret, lastStep) {
	let step = totpStep();
	if (step <= lastStep) {
		const wait = (lastStep + 1) * 30_000 - Date.now() + 100;
		await new Promise(resolve => setTimeout(resolve, Math.max(wait, 0)));
		step = totpStep();
	}
	return { code: totp(secret, step), step };
}
