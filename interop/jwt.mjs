// JWT libraries validating the emulator's tokens against its key sets and issuers: jose, jsonwebtoken with
// jwks-rsa, and aws-jwt-verify (its generic JwtRsaVerifier, and its CognitoJwtVerifier against the instance whose
// issuer is Cognito's own). Each must accept an access and an ID token, and reject a tampered token and a token
// from another pool.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import {
	CognitoJwtInvalidClientIdError,
	CognitoJwtInvalidTokenUseError,
	JwtInvalidIssuerError,
	JwtInvalidSignatureError,
	ParameterValidationError,
} from 'aws-jwt-verify/error';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import {
	COGNITO_ISSUER_BASE,
	COGNITO_ISSUER_EMULATOR_URL,
	EMULATOR_URL,
	check,
	claims,
	createClient,
	createConfirmedUser,
	createPool,
	equal,
	finish,
	getJson,
	header,
	matches,
	sdk,
	step,
	tamper,
} from './lib.mjs';

/** A pool on an emulator instance, with one signed-in user's tokens. */
async function signedInPool(url, name) {
	const admin = sdk(url);
	const poolId = await createPool(admin, name);
	const { ClientId: clientId } = await createClient(admin, poolId, 'web', {
		ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
	});
	await createConfirmedUser(admin, poolId, 'grace', 'Grace-Pass-1', {
		email: 'grace@example.com',
		email_verified: 'true',
	});
	const out = await admin.send(
		new InitiateAuthCommand({
			AuthFlow: 'USER_PASSWORD_AUTH',
			ClientId: clientId,
			AuthParameters: { USERNAME: 'grace', PASSWORD: 'Grace-Pass-1' },
		})
	);
	const { AccessToken: access, IdToken: id } = out.AuthenticationResult;
	return { url, poolId, clientId, access, id, jwksUri: `${url}/${poolId}/.well-known/jwks.json` };
}

/** Runs fn, which must throw; check(error) then says whether it threw for the right reason. */
async function refused(what, fn, expected) {
	let error;
	try {
		await fn();
	} catch (err) {
		error = err;
	}
	check(error !== undefined, `${what} was accepted`);
	check(
		expected(error),
		`${what} was refused for the wrong reason: ${error?.name ?? ''} ${error?.code ?? ''}: ${error?.message}`
	);
}

let one;
let two;
let cognitoOne;
let cognitoTwo;

await step('oidc', 'setup: two pools on each instance, each with signed-in tokens', async () => {
	one = await signedInPool(EMULATOR_URL, 'interop-jwt-1');
	two = await signedInPool(EMULATOR_URL, 'interop-jwt-2');
	check(COGNITO_ISSUER_EMULATOR_URL, 'COGNITO_ISSUER_EMULATOR_URL is not set');
	cognitoOne = await signedInPool(COGNITO_ISSUER_EMULATOR_URL, 'interop-jwt-3');
	cognitoTwo = await signedInPool(COGNITO_ISSUER_EMULATOR_URL, 'interop-jwt-4');
});

await step('oidc', 'discovery documents name the issuer and key set of each pool', async () => {
	const local = await getJson(`${EMULATOR_URL}/${one.poolId}/.well-known/openid-configuration`);
	equal(local.issuer, `${EMULATOR_URL}/${one.poolId}`, 'issuer');
	equal(local.jwks_uri, one.jwksUri, 'jwks_uri');
	equal(claims(one.access).iss, local.issuer, 'access token iss');
	equal(claims(one.id).iss, local.issuer, 'ID token iss');
	const cognito = await getJson(
		`${COGNITO_ISSUER_EMULATOR_URL}/${cognitoOne.poolId}/.well-known/openid-configuration`
	);
	const issuer = `${COGNITO_ISSUER_BASE}/${cognitoOne.poolId}`;
	equal(cognito.issuer, issuer, 'issuer with the Cognito issuer base');
	equal(cognito.jwks_uri, `${issuer}/.well-known/jwks.json`, 'jwks_uri with the Cognito issuer base');
	equal(claims(cognitoOne.access).iss, issuer, 'access token iss with the Cognito issuer base');
	equal(claims(cognitoOne.id).iss, issuer, 'ID token iss with the Cognito issuer base');
});

await step('oidc', 'key sets and token headers have Cognito shapes', async () => {
	for (const pool of [one, two, cognitoOne]) {
		const { keys } = await getJson(pool.jwksUri);
		equal(keys.length, 2, 'number of keys in a pool key set');
		for (const key of keys) {
			equal(JSON.stringify(Object.keys(key)), '["alg","e","kid","kty","n","use"]', 'members of a key');
			equal(key.alg, 'RS256', 'alg');
			equal(key.kty, 'RSA', 'kty');
			equal(key.use, 'sig', 'use');
			equal(key.e, 'AQAB', 'e');
			matches(key.kid, /^[A-Za-z0-9+/]{43}=$/, 'kid');
			equal(Buffer.from(key.n, 'base64url').length, 256, 'modulus bytes');
		}
		const accessHeader = header(pool.access);
		const idHeader = header(pool.id);
		for (const h of [accessHeader, idHeader]) {
			equal(JSON.stringify(Object.keys(h).sort()), '["alg","kid"]', 'header members');
			equal(h.alg, 'RS256', 'header alg');
			check(keys.some(k => k.kid === h.kid), `header kid ${h.kid} is not in the pool's key set`);
		}
		check(accessHeader.kid !== idHeader.kid, 'the access and ID tokens are signed with the same key');
	}
	const oneKids = (await getJson(one.jwksUri)).keys.map(k => k.kid);
	const twoKids = (await getJson(two.jwksUri)).keys.map(k => k.kid);
	check(!oneKids.some(kid => twoKids.includes(kid)), 'two pools share a key');
	const all = (await getJson(`${EMULATOR_URL}/.well-known/jwks.json`)).keys.map(k => k.kid);
	check([...oneKids, ...twoKids].every(kid => all.includes(kid)), "/.well-known/jwks.json lacks a pool's key");
});

await step('oidc', 'access and ID tokens carry Cognito\'s claims', async () => {
	const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
	const access = claims(one.access);
	const id = claims(one.id);
	const accessClaims = ['sub', 'iss', 'client_id', 'origin_jti', 'event_id', 'token_use', 'scope'];
	for (const name of [...accessClaims, 'auth_time', 'exp', 'iat', 'jti', 'username']) {
		check(access[name] !== undefined, `the access token has no ${name}`);
	}
	check(access.aud === undefined, 'the access token has an aud');
	const idClaims = ['sub', 'iss', 'cognito:username', 'origin_jti', 'aud', 'event_id', 'token_use', 'auth_time'];
	for (const name of [...idClaims, 'exp', 'iat', 'jti', 'email', 'email_verified']) {
		check(id[name] !== undefined, `the ID token has no ${name}`);
	}
	for (const token of [access, id]) {
		for (const name of ['sub', 'jti', 'origin_jti', 'event_id']) matches(token[name], uuid, name);
		for (const name of ['auth_time', 'exp', 'iat']) check(Number.isInteger(token[name]), `${name} is not an integer`);
		equal(token.exp - token.iat, 3600, 'token lifetime');
	}
	equal(id.email_verified, true, 'email_verified (a JSON boolean)');
	equal(id.origin_jti, access.origin_jti, 'origin_jti of the ID and access tokens');
	equal(id.event_id, access.event_id, 'event_id of the ID and access tokens');
	check(id.jti !== access.jti, 'the ID and access tokens have the same jti');
	equal(access.client_id, one.clientId, 'client_id');
	equal(access.username, 'grace', 'username');
	equal(id['cognito:username'], 'grace', 'cognito:username');
});

// jose
{
	const CLIENT = 'jose';
	const verify = (token, pool, options = {}) =>
		jwtVerify(token, createRemoteJWKSet(new URL(pool.jwksUri)), {
			issuer: `${pool.url}/${pool.poolId}`,
			algorithms: ['RS256'],
			...options,
		});

	await step(CLIENT, 'createRemoteJWKSet + jwtVerify accept an access and an ID token', async () => {
		const access = await verify(one.access, one);
		equal(access.payload.token_use, 'access', 'token_use');
		equal(access.payload.client_id, one.clientId, 'client_id');
		equal(access.protectedHeader.alg, 'RS256', 'alg');
		const id = await verify(one.id, one, { audience: one.clientId });
		equal(id.payload.token_use, 'id', 'token_use');
		equal(id.payload.email, 'grace@example.com', 'email');
	});

	await step(CLIENT, 'rejects a tampered token', async () => {
		for (const token of [one.access, one.id]) {
			await refused(
				'a tampered token',
				() => verify(tamper(token), one),
				err => err instanceof joseErrors.JWSSignatureVerificationFailed
			);
		}
	});

	await step(CLIENT, 'rejects a token from another pool', async () => {
		await refused(
			"another pool's token against this pool's key set",
			() => verify(two.access, one),
			err => err instanceof joseErrors.JWKSNoMatchingKey
		);
		await refused(
			"another pool's token against all keys with this pool's issuer",
			() =>
				jwtVerify(two.access, createRemoteJWKSet(new URL(`${EMULATOR_URL}/.well-known/jwks.json`)), {
					issuer: `${EMULATOR_URL}/${one.poolId}`,
				}),
			err => err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'iss'
		);
	});
}

// jsonwebtoken + jwks-rsa
{
	const CLIENT = 'jsonwebtoken+jwks-rsa';
	const verify = async (token, pool, options = {}) => {
		const jwks = new JwksClient({ jwksUri: pool.jwksUri });
		const key = await jwks.getSigningKey(header(token).kid);
		return jsonwebtoken.verify(token, key.getPublicKey(), {
			algorithms: ['RS256'],
			issuer: `${pool.url}/${pool.poolId}`,
			...options,
		});
	};

	await step(CLIENT, 'getSigningKey(kid) + verify accept an access and an ID token', async () => {
		const access = await verify(one.access, one);
		equal(access.token_use, 'access', 'token_use');
		equal(access.username, 'grace', 'username');
		const id = await verify(one.id, one, { audience: one.clientId });
		equal(id.token_use, 'id', 'token_use');
		equal(id['cognito:username'], 'grace', 'cognito:username');
	});

	await step(CLIENT, 'rejects a tampered token', async () => {
		for (const token of [one.access, one.id]) {
			await refused(
				'a tampered token',
				() => verify(tamper(token), one),
				err => err instanceof jsonwebtoken.JsonWebTokenError && err.message === 'invalid signature'
			);
		}
	});

	await step(CLIENT, 'rejects a token from another pool', async () => {
		await refused(
			"another pool's token against this pool's key set",
			() => verify(two.access, one),
			err => err.name === 'SigningKeyNotFoundError'
		);
		await refused(
			"another pool's token with its own key but this pool's issuer",
			() => verify(two.access, { ...two, poolId: one.poolId }),
			err => err instanceof jsonwebtoken.JsonWebTokenError && /jwt issuer invalid/.test(err.message)
		);
	});
}

// aws-jwt-verify: JwtRsaVerifier, with the key set preloaded because it fetches over https only
{
	const CLIENT = 'aws-jwt-verify JwtRsaVerifier';
	const verifierFor = async (pool, audience) => {
		const verifier = JwtRsaVerifier.create({
			issuer: `${pool.url}/${pool.poolId}`,
			jwksUri: pool.jwksUri,
			audience,
		});
		verifier.cacheJwks(await getJson(pool.jwksUri));
		return verifier;
	};

	await step(CLIENT, 'verify accepts an access and an ID token', async () => {
		const access = await (await verifierFor(one, null)).verify(one.access);
		equal(access.token_use, 'access', 'token_use');
		const id = await (await verifierFor(one, one.clientId)).verify(one.id);
		equal(id.aud, one.clientId, 'aud');
	});

	await step(CLIENT, 'rejects a tampered token', async () => {
		await refused(
			'a tampered access token',
			async () => (await verifierFor(one, null)).verify(tamper(one.access)),
			err => err instanceof JwtInvalidSignatureError
		);
		await refused(
			'a tampered ID token',
			async () => (await verifierFor(one, one.clientId)).verify(tamper(one.id)),
			err => err instanceof JwtInvalidSignatureError
		);
	});

	await step(CLIENT, 'rejects a token from another pool', async () => {
		// Both pools' keys are cached, so the signature checks out and the issuer alone must refuse the token.
		const verifier = await verifierFor(one, null);
		const keys = [...(await getJson(one.jwksUri)).keys, ...(await getJson(two.jwksUri)).keys];
		verifier.cacheJwks({ keys });
		await refused("another pool's token", () => verifier.verify(two.access), err => err instanceof JwtInvalidIssuerError);
		await verifier.verify(one.access);
	});
}

// aws-jwt-verify: CognitoJwtVerifier against the instance whose issuers are Cognito's
{
	const CLIENT = 'aws-jwt-verify CognitoJwtVerifier';
	const verifierFor = async (pool, tokenUse, clientId = pool.clientId) => {
		const verifier = CognitoJwtVerifier.create({ userPoolId: pool.poolId, tokenUse, clientId });
		verifier.cacheJwks(await getJson(pool.jwksUri));
		return verifier;
	};

	await step(CLIENT, 'verify accepts an access and an ID token (userPoolId, tokenUse, clientId)', async () => {
		const access = await (await verifierFor(cognitoOne, 'access')).verify(cognitoOne.access);
		equal(access.client_id, cognitoOne.clientId, 'client_id');
		equal(access.iss, `${COGNITO_ISSUER_BASE}/${cognitoOne.poolId}`, 'iss');
		const id = await (await verifierFor(cognitoOne, 'id')).verify(cognitoOne.id);
		equal(id.aud, cognitoOne.clientId, 'aud');
		const either = await (await verifierFor(cognitoOne, null)).verify(cognitoOne.id);
		equal(either.token_use, 'id', 'token_use');
	});

	await step(CLIENT, 'rejects the wrong token use or client id', async () => {
		await refused(
			'an ID token where an access token is expected',
			async () => (await verifierFor(cognitoOne, 'access')).verify(cognitoOne.id),
			err => err instanceof CognitoJwtInvalidTokenUseError
		);
		await refused(
			'an access token for another client',
			async () => (await verifierFor(cognitoOne, 'access', 'someotherclientid0123456789')).verify(cognitoOne.access),
			err => err instanceof CognitoJwtInvalidClientIdError
		);
	});

	await step(CLIENT, 'rejects a tampered token', async () => {
		await refused(
			'a tampered access token',
			async () => (await verifierFor(cognitoOne, 'access')).verify(tamper(cognitoOne.access)),
			err => err instanceof JwtInvalidSignatureError
		);
		await refused(
			'a tampered ID token',
			async () => (await verifierFor(cognitoOne, 'id')).verify(tamper(cognitoOne.id)),
			err => err instanceof JwtInvalidSignatureError
		);
	});

	await step(CLIENT, 'rejects a token from another pool', async () => {
		await refused(
			"another pool's token",
			async () => (await verifierFor(cognitoOne, 'access', cognitoTwo.clientId)).verify(cognitoTwo.access),
			err => err instanceof ParameterValidationError && err.message.startsWith('issuer not configured')
		);
		// A verifier for both pools takes each pool's token, and only with that pool's key set.
		const both = CognitoJwtVerifier.create([
			{ userPoolId: cognitoOne.poolId, tokenUse: 'access', clientId: cognitoOne.clientId },
			{ userPoolId: cognitoTwo.poolId, tokenUse: 'access', clientId: cognitoTwo.clientId },
		]);
		both.cacheJwks(await getJson(cognitoOne.jwksUri), cognitoOne.poolId);
		both.cacheJwks(await getJson(cognitoTwo.jwksUri), cognitoTwo.poolId);
		await both.verify(cognitoOne.access);
		await both.verify(cognitoTwo.access);
	});
}

finish();
