// Computes SRP test vectors for USER_SRP_AUTH with amazon-cognito-identity-js's own AuthenticationHelper and
// BigInteger, so the emulator's SRP code is checked against an independent client implementation.
//
//   node srp-vectors.mjs > ../cognito-emulator-core/src/test/resources/srp/vectors.json
//
// Every input is fixed (the client's private a, the server's private b, salt, secret block, timestamp), so the
// output is the same on every run. The server side (v and B) is computed here from the helper's N, g, k and its own
// derivation of x; the signature is made exactly as CognitoUser makes PASSWORD_CLAIM_SIGNATURE.
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import cognito from 'amazon-cognito-identity-js';
import BigIntegerModule from 'amazon-cognito-identity-js/lib/BigInteger.js';

const { AuthenticationHelper } = cognito;
const BigInteger = BigIntegerModule.default;
// The SHA-256/HMAC implementation CognitoUser signs with, resolved from the client library itself.
const { Sha256 } = createRequire(createRequire(import.meta.url).resolve('amazon-cognito-identity-js'))(
	'@aws-crypto/sha256-js'
);

/** Deterministic bytes for a label: SHA-512 blocks of "label/0", "label/1", ... */
function bytesFor(label, length) {
	const blocks = [];
	for (let i = 0; blocks.length * 64 < length; i++) {
		blocks.push(createHash('sha512').update(`${label}/${i}`).digest());
	}
	return Buffer.concat(blocks).subarray(0, length);
}

/** The helper's BigInteger API takes callbacks; these wrap its modPow. */
function modPow(base, exponent, modulus) {
	let out;
	base.modPow(exponent, modulus, (err, result) => {
		if (err) throw err;
		out = result;
	});
	return out;
}

function fromBytes(bytes) {
	return new BigInteger(Buffer.from(bytes).toString('hex'), 16);
}

/** The signature CognitoUser.authenticateUserDefaultAuth sends, for a given HKDF key. */
function claimSignature(hkdf, poolName, userId, secretBlock, timestamp) {
	const message = Buffer.concat([
		Buffer.from(poolName, 'utf8'),
		Buffer.from(userId, 'utf8'),
		Buffer.from(secretBlock, 'base64'),
		Buffer.from(timestamp, 'utf8'),
	]);
	const hmac = new Sha256(hkdf);
	hmac.update(message);
	const signature = Buffer.from(hmac.digestSync()).toString('base64');
	const check = createHmac('sha256', hkdf).update(message).digest('base64');
	if (signature !== check) {
		throw new Error('the client library HMAC disagrees with node:crypto');
	}
	return signature;
}

/** The HKDF key the helper derives for this password, with its fixed a, against B and the salt. */
function passwordKey(poolName, a, userId, password, serverB, salt) {
	const helper = new AuthenticationHelper(poolName);
	helper.smallAValue = a;
	helper.largeAValue = undefined;
	helper.getLargeAValue(err => {
		if (err) throw err;
	});
	let key;
	helper.getPasswordAuthenticationKey(userId, password, serverB, salt, (err, hkdf) => {
		if (err) throw err;
		key = Buffer.from(hkdf);
	});
	return { helper, key };
}

function vector(spec) {
	const poolName = spec.poolId.split('_')[1];
	const saltBytes = Buffer.from(spec.salt, 'hex');
	const a = fromBytes(bytesFor(`${spec.name}/a`, 128));
	const bBytes = bytesFor(`${spec.name}/b`, 32);
	const secretBlock = bytesFor(`${spec.name}/secret-block`, spec.secretBlockLength).toString('base64');

	// The helper's group and its derivation of x, as in getPasswordAuthenticationKey.
	const reference = new AuthenticationHelper(poolName);
	const { N, g, k } = reference;
	// As CognitoUser reads SALT: the hex parsed as a big integer, re-encoded with padHex when hashed.
	const salt = new BigInteger(spec.salt, 16);
	const identityHash = reference.hash(`${poolName}${spec.username}:${spec.password}`);
	const x = new BigInteger(reference.hexHash(reference.padHex(salt) + identityHash), 16);
	const v = modPow(g, x, N);

	// The server: b from its 32 bytes, B = (k·v + g^b) mod N.
	const b = fromBytes(bBytes).mod(N);
	const serverB = k.multiply(v).add(modPow(g, b, N)).mod(N);

	const { helper, key } = passwordKey(poolName, a, spec.username, spec.password, serverB, salt);
	const wrong = passwordKey(poolName, a, spec.username, spec.wrongPassword, serverB, salt);

	return {
		name: spec.name,
		poolId: spec.poolId,
		poolName,
		username: spec.username,
		password: spec.password,
		wrongPassword: spec.wrongPassword,
		salt: spec.salt,
		x: x.toString(16),
		v: v.toString(16),
		a: a.toString(16),
		A: helper.largeAValue.toString(16),
		b: bBytes.toString('hex'),
		B: serverB.toString(16),
		u: helper.UValue.toString(16),
		hkdf: key.toString('hex'),
		secretBlock,
		timestamp: spec.timestamp,
		signature: claimSignature(key, poolName, spec.username, secretBlock, spec.timestamp),
		wrongPasswordSignature: claimSignature(wrong.key, poolName, spec.username, secretBlock, spec.timestamp),
	};
}

const specs = [
	{
		name: 'plain-username',
		poolId: 'us-east-1_AbCdEfGhI',
		username: 'alice',
		password: 'Passw0rd!',
		wrongPassword: 'Passw0rd?',
		// The top bit is set, so padHex prefixes 00.
		salt: 'c3a1f09b5d2e4c8a9b7f61e0d24a3b5c',
		secretBlockLength: 96,
		timestamp: 'Wed Apr 5 22:42:34 UTC 2017',
	},
	{
		name: 'sub-as-username',
		poolId: 'eu-west-1_r0k5rfBa5',
		username: '118b5540-b031-701d-5230-a1863ad04e8c',
		password: 'Correct-Horse-9',
		wrongPassword: 'correct-Horse-9',
		salt: '3f0e6d2c9b8a7f6e5d4c3b2a19080706',
		secretBlockLength: 128,
		timestamp: 'Mon Dec 22 09:05:07 UTC 2025',
	},
	{
		name: 'non-ascii',
		poolId: 'ap-southeast-1_fXAQ7MO1R',
		username: 'jürgen.müller@example.com',
		password: 'Grüße-aus-Köln-1',
		wrongPassword: 'Grusse-aus-Koln-1',
		salt: '9e7d5c3b1a0f2e4d6c8b0a1f3e5d7c9b',
		secretBlockLength: 48,
		timestamp: 'Sat Feb 29 00:00:00 UTC 2020',
	},
	{
		name: 'salt-with-leading-zero-byte',
		poolId: 'us-west-2_4M3fYzvqD',
		username: 'Bob_42',
		password: 'Sp@ce and tab\tare fine',
		wrongPassword: 'Sp@ce and tab are fine',
		// Parsed as an integer, this salt loses its leading zero byte and has an odd hex length.
		salt: '000a1b2c3d4e5f60718293a4b5c6d7e8',
		secretBlockLength: 64,
		timestamp: 'Thu Jan 1 00:00:01 UTC 2026',
	},
];

const reference = new AuthenticationHelper('any');
const out = {
	source: 'amazon-cognito-identity-js AuthenticationHelper (interop/srp-vectors.mjs)',
	N: reference.N.toString(16),
	g: reference.g.toString(16),
	k: reference.k.toString(16),
	vectors: specs.map(vector),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
