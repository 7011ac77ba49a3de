// A small client of the emulator's JSON protocol over plain fetch (Node 20+), and the pass/fail bookkeeping the
// reliability scripts share. No npm package is needed.
import { appendFileSync } from 'node:fs';

/** The header that admin actions need: its presence, since the emulator verifies no signature. */
const SIGNED =
	'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00';

/** Actions a user calls without AWS credentials: they are sent unsigned, as the SDKs send them. */
const UNSIGNED = new Set([
	'SignUp',
	'ConfirmSignUp',
	'InitiateAuth',
	'RespondToAuthChallenge',
	'GetUser',
	'GlobalSignOut',
	'RevokeToken',
]);

/** An error answer of the emulator: name is its __type, such as UsernameExistsException. */
export class CognitoError extends Error {
	constructor(name, message, status) {
		super(message);
		this.name = name;
		this.status = status;
	}
}

/** The request never got an answer: the connection was refused, reset or timed out. */
export class NetworkError extends Error {
	constructor(cause) {
		super(cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? String(cause));
		this.name = 'NetworkError';
	}
}

/** One emulator instance, by its base URL (http://localhost:4566). */
export class Emulator {
	constructor(url) {
		this.url = url.replace(/\/+$/, '');
	}

	/** Calls an action; resolves to the answer's JSON on HTTP 200, rejects with a CognitoError or NetworkError. */
	async call(action, body = {}) {
		const headers = {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
		};
		if (!UNSIGNED.has(action)) headers.Authorization = SIGNED;
		let response;
		let text;
		try {
			response = await fetch(`${this.url}/`, {
				method: 'POST',
				headers,
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(30_000),
			});
			text = await response.text();
		} catch (err) {
			throw new NetworkError(err);
		}
		const json = text ? JSON.parse(text) : {};
		if (response.status !== 200) {
			const type = String(json.__type ?? response.headers.get('x-amzn-errortype') ?? `HTTP${response.status}`);
			throw new CognitoError(type.replace(/^.*#/, '').replace(/:.*$/, ''), json.message ?? text, response.status);
		}
		return json;
	}

	async get(path) {
		let response;
		try {
			response = await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(30_000) });
		} catch (err) {
			throw new NetworkError(err);
		}
		if (response.status !== 200) throw new CognitoError(`HTTP${response.status}`, `GET ${path}`, response.status);
		return response.json();
	}

	/** The key ids a pool publishes, sorted. */
	async kids(poolId) {
		const jwks = await this.get(`/${poolId}/.well-known/jwks.json`);
		return jwks.keys.map(key => key.kid).sort();
	}

	/** The newest code sent to a user, from the emulator's inbox. */
	async latestCode(poolId, username) {
		const query = new URLSearchParams({ poolId, username });
		const messages = await this.get(`/_emulator/messages?${query}`);
		if (!messages.length || !/^[0-9]{6}$/.test(messages[0].code ?? '')) {
			throw new Error(`no code was sent to ${username}`);
		}
		return messages[0].code;
	}

	async createPool(name, extra = {}) {
		const out = await this.call('CreateUserPool', { PoolName: name, ...extra });
		return out.UserPool.Id;
	}

	/** An app client for USER_PASSWORD_AUTH and refresh tokens, without a secret. */
	async createClient(poolId, name) {
		const out = await this.call('CreateUserPoolClient', {
			UserPoolId: poolId,
			ClientName: name,
			ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
		});
		return out.UserPoolClient.ClientId;
	}

	/** A confirmed user with a permanent password. */
	async createConfirmedUser(poolId, username, password, attributes = {}) {
		await this.call('AdminCreateUser', {
			UserPoolId: poolId,
			Username: username,
			MessageAction: 'SUPPRESS',
			UserAttributes: toAttributes(attributes),
		});
		await this.call('AdminSetUserPassword', {
			UserPoolId: poolId,
			Username: username,
			Password: password,
			Permanent: true,
		});
	}

	/** USER_PASSWORD_AUTH: resolves to the AuthenticationResult (AccessToken, IdToken, RefreshToken). */
	async signIn(clientId, username, password) {
		const out = await this.call('InitiateAuth', {
			ClientId: clientId,
			AuthFlow: 'USER_PASSWORD_AUTH',
			AuthParameters: { USERNAME: username, PASSWORD: password },
		});
		if (!out.AuthenticationResult?.AccessToken) throw new Error(`no tokens but ${JSON.stringify(out)}`);
		return out.AuthenticationResult;
	}

	/** REFRESH_TOKEN_AUTH: resolves to the new AuthenticationResult. */
	async refresh(clientId, refreshToken) {
		const out = await this.call('InitiateAuth', {
			ClientId: clientId,
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			AuthParameters: { REFRESH_TOKEN: refreshToken },
		});
		if (!out.AuthenticationResult?.AccessToken) throw new Error(`no tokens but ${JSON.stringify(out)}`);
		return out.AuthenticationResult;
	}
}

export function toAttributes(attributes) {
	return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

export function fromAttributes(list = []) {
	return Object.fromEntries(list.map(({ Name, Value }) => [Name, Value]));
}

/** The decoded payload of a JWT, without verifying it. */
export function claims(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

export function required(name) {
	const value = process.env[name];
	if (!value) {
		console.error(`${name} is not set: run the script's .sh wrapper`);
		process.exit(2);
	}
	return value;
}

let failures = 0;

/**
 * Records one check's outcome: printed, and appended to $RESULTS (PASS/FAIL lines), which the shell wrapper counts
 * for its final "N passed, M failed" line.
 */
export function record(passed, name, detail = '') {
	const line = passed ? `PASS\t${name}` : `FAIL\t${name}\t${detail}`;
	if (process.env.RESULTS) appendFileSync(process.env.RESULTS, `${line.replace(/\n/g, ' ')}\n`);
	if (passed) {
		console.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`);
	} else {
		failures++;
		console.log(`FAILED: ${name}: ${detail}`);
	}
}

/** Runs one named check: it passes when fn resolves (to an optional detail) and fails when fn throws. */
export async function check(name, fn) {
	try {
		const detail = await fn();
		record(true, name, typeof detail === 'string' ? detail : '');
	} catch (err) {
		record(false, name, `${err?.name ?? 'Error'}: ${err?.message ?? err}`.replace(/\s+/g, ' ').slice(0, 500));
	}
}

/** A figure for the summary table: appended to $RESULTS as a FIGURE line, and printed. */
export function figure(name, value) {
	if (process.env.RESULTS) appendFileSync(process.env.RESULTS, `FIGURE\t${name}\t${value}\n`);
	console.log(`  ..   ${name}: ${value}`);
}

export function expect(condition, message) {
	if (!condition) throw new Error(message);
}

/** Resolves to the CognitoError a call fails with; throws when it succeeds or fails otherwise. */
export async function rejection(promise, expectedName) {
	try {
		await promise;
	} catch (err) {
		if (err instanceof CognitoError && err.name === expectedName) return err;
		throw new Error(`expected ${expectedName} but got ${err?.name}: ${err?.message}`);
	}
	throw new Error(`expected ${expectedName} but the call succeeded`);
}

export function exitCode() {
	return failures > 0 ? 1 : 0;
}
