// Checks what the README walkthrough printed, and what it left in the emulator, against what Cognito returns.
//
//   node walkthrough-check.mjs <walkthrough.sh> <walkthrough.out>
//
// The output is a mix of text lines and JSON documents (the AWS CLI's default output, curl's body). Each check
// keys on the commands the walkthrough runs, so a walkthrough without get-user, say, gets no get-user check.
import { readFileSync } from 'node:fs';
import {
	DescribeUserPoolClientCommand,
	ListUserPoolClientsCommand,
	ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLIENT_ID, EMULATOR_URL, POOL_ID, UUID, check, equal, finish, matches, sdk, step } from './lib.mjs';

const CLIENT = 'aws-cli-walkthrough';
const [scriptFile, outputFile] = process.argv.slice(2);
const script = readFileSync(scriptFile, 'utf8');
const output = readFileSync(outputFile, 'utf8');
const runs = command => new RegExp(`\\bcognito-idp\\s+${command}\\b|\\bcognito\\s+${command}\\b`).test(script);
const option = name => script.match(new RegExp(`--${name}\\s+'?"?([^\\s'"]+)`))?.[1];

/** Splits the output into JSON documents and the text lines between them. */
function parse(text) {
	const documents = [];
	const lines = [];
	let i = 0;
	while (i < text.length) {
		const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
		if (text[i] === '{' || text[i] === '[') {
			const end = closing(text, i);
			if (end > 0) {
				try {
					documents.push(JSON.parse(text.slice(i, end + 1)));
					i = end + 1;
					while (text[i] === '\n') i++;
					continue;
				} catch {
					// Not JSON after all: a text line.
				}
			}
		}
		lines.push(text.slice(i, lineEnd));
		i = lineEnd + 1;
	}
	return { documents, lines };
}

/** The index of the bracket that closes the one at start, or -1. */
function closing(text, start) {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

const attribute = (attributes, name) => attributes?.find(a => a.Name === name)?.Value;
const { documents, lines } = parse(output);
const poolName = option('pool-name');
const username = script.match(/admin-create-user\b[\s\S]*?--username\s+'?"?([^\s'"]+)/)?.[1];
const cognito = sdk();
let poolId;
let sub;

await step(CLIENT, 'create-user-pool and create-user-pool-client made Cognito-shaped ids', async () => {
	check(runs('create-user-pool') && poolName, 'the walkthrough does not run create-user-pool --pool-name');
	const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
	const pools = UserPools.filter(p => p.Name === poolName);
	equal(pools.length, 1, `pools named ${poolName}`);
	poolId = pools[0].Id;
	matches(poolId, POOL_ID, 'pool id');
	if (runs('create-user-pool-client')) {
		const { UserPoolClients } = await cognito.send(
			new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 })
		);
		check(UserPoolClients.length >= 1, 'the pool has no app client');
		for (const { ClientId } of UserPoolClients) {
			matches(ClientId, CLIENT_ID, 'client id');
		}
		const flows = script.match(/--explicit-auth-flows((?:\s+(?:\\\n\s*)?[A-Z_]+)+)/)?.[1];
		if (flows) {
			const expected = flows.match(/[A-Z_]+/g).sort();
			const { UserPoolClient } = await cognito.send(
				new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClients[0].ClientId })
			);
			equal(JSON.stringify([...UserPoolClient.ExplicitAuthFlows].sort()), JSON.stringify(expected), 'ExplicitAuthFlows');
		}
		// A line printing both ids, as `echo "$POOL_ID $CLIENT_ID"` does, must show these same ids.
		const echoed = lines.map(line => line.trim().split(/\s+/)).find(words => words.some(w => POOL_ID.test(w)));
		if (echoed) {
			check(echoed.includes(poolId), `printed pool id ${echoed.join(' ')} is not ${poolId}`);
			check(
				UserPoolClients.some(c => echoed.includes(c.ClientId)) || echoed.length === 1,
				`printed ids ${echoed.join(' ')} do not name the pool's client`
			);
		}
	}
});

if (runs('admin-create-user')) {
	await step(CLIENT, 'admin-create-user prints the user in FORCE_CHANGE_PASSWORD', async () => {
		const created = documents.filter(d => d?.User);
		equal(created.length, 1, 'admin-create-user outputs');
		const { User } = created[0];
		equal(User.Username, username, 'Username');
		equal(User.UserStatus, 'FORCE_CHANGE_PASSWORD', 'UserStatus');
		equal(User.Enabled, true, 'Enabled');
		sub = attribute(User.Attributes, 'sub');
		matches(sub, UUID, 'sub');
		for (const member of ['UserCreateDate', 'UserLastModifiedDate']) {
			check(User[member] !== undefined, `User.${member} is missing`);
		}
	});
}

if (runs('list-users')) {
	await step(CLIENT, 'list-users shows the user CONFIRMED', async () => {
		const lists = documents.filter(d => Array.isArray(d?.Users));
		const expected = script.match(/\bcognito(?:-idp)?\s+list-users\b/g).length;
		equal(lists.length, expected, 'list-users outputs');
		for (const { Users } of lists) {
			const user = Users.find(u => u.Username === username);
			check(user, `${username} is not listed: ${JSON.stringify(Users).slice(0, 200)}`);
			equal(user.UserStatus, 'CONFIRMED', 'UserStatus');
			equal(user.Enabled, true, 'Enabled');
			if (sub) equal(attribute(user.Attributes, 'sub'), sub, 'sub');
		}
	});
}

if (runs('initiate-auth')) {
	await step(CLIENT, 'initiate-auth signs the user in', async () => {
		const results = documents.filter(d => d?.AuthenticationResult);
		check(
			results.length > 0 || runs('get-user') || /\/api\/me\b/.test(script),
			'initiate-auth printed no tokens, and nothing in the walkthrough uses them'
		);
		for (const { AuthenticationResult: result, ChallengeParameters } of results) {
			equal(result.TokenType, 'Bearer', 'TokenType');
			equal(result.ExpiresIn, 3600, 'ExpiresIn');
			check(result.RefreshToken, 'no RefreshToken');
			equal(JSON.stringify(ChallengeParameters), '{}', 'ChallengeParameters');
			const access = JSON.parse(Buffer.from(result.AccessToken.split('.')[1], 'base64url'));
			equal(access.username, username, 'access token username');
			equal(access.iss, `${EMULATOR_URL}/${poolId}`, 'access token iss');
		}
	});
}

if (runs('get-user')) {
	await step(CLIENT, 'initiate-auth gives an access token that get-user accepts', async () => {
		const users = documents.filter(d => d?.UserAttributes && d?.Username);
		equal(users.length, 1, 'get-user outputs');
		equal(users[0].Username, username, 'Username');
		if (sub) equal(attribute(users[0].UserAttributes, 'sub'), sub, 'sub');
	});
}

// The sample seeds its own pool (cognito-emulator-sample/src/main/resources/application-dev.yml); its API trusts
// that pool's access tokens only.
const SAMPLE_POOL = 'us-east-1_Sample123';

if (/\/api\/me\b/.test(script)) {
	await step(CLIENT, "the sample's protected API knows the seeded user by her access token", async () => {
		const me = documents.filter(d => d?.tokenUse);
		equal(me.length, 1, '/api/me outputs');
		equal(me[0].tokenUse, 'access', 'tokenUse');
		equal(me[0].username, 'alice', 'username');
		equal(me[0].issuer, `${EMULATOR_URL}/${SAMPLE_POOL}`, 'issuer');
		matches(me[0].sub, UUID, 'sub');
	});
}

if (/\/api\/admin\b/.test(script)) {
	await step(CLIENT, "a member of the group admin gets into the sample's admin API, and no one else", async () => {
		const admin = documents.filter(d => Array.isArray(d?.groups));
		equal(admin.length, 1, '/api/admin outputs');
		equal(admin[0].username, 'alice', 'username');
		equal(JSON.stringify(admin[0].groups), JSON.stringify(['admin', 'staff']), 'groups');
		if (/%\{http_code\}/.test(script)) {
			check(lines.some(line => line.trim() === '403'), `no 403 among the printed lines: ${lines.join(' | ')}`);
		}
	});
}

finish();
