// A verifier nobody here wrote: Digital Bazaar's stack (and panva's jose for the
// JWT), run by Node, as an association's IT volunteer or a wallet would run it.
//
//   node verify.mjs expand <credential.json>          JSON-LD safe-mode expansion (jsonld.js)
//   node verify.mjs di <credential.json|url> <origin> Data Integrity proof + both status lists
//   node verify.mjs jwt <token-file|url> <origin>     OB 3.0 §8.2 VC-JWT rules (jose)
//
// The document loader serves the official contexts bundled in
// training/credentials/standards/ and nothing else from the web: a did:web DID
// (its document and its verification methods) and status list credentials are
// fetched over HTTP from <origin> only (the live test server), the status list
// asking for `application/ld+json` as Data Integrity verifiers do.
// Prints one JSON object on stdout; the exit code is 0 when it verified.
import {readFileSync, existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import jsonld from 'jsonld';
import * as jose from 'jose';

const here = dirname(fileURLToPath(import.meta.url));
const standards = join(here, '..', '..', '..', 'training', 'credentials', 'standards');
const CONTEXT_FILES = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-extensions.json',
};
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

const [mode, input, origin, nowArg] = process.argv.slice(2);
const now = nowArg ? new Date(nowArg) : new Date();
const loaded = [];

function bundled(url) {
  const name = CONTEXT_FILES[url];
  return name && JSON.parse(readFileSync(join(standards, name), 'utf8'));
}

function didWebUrl(did) {
  // did:web:host%3Aport[:path] -> http(s)://host:port/.well-known/did.json (did:web, Read)
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const [host, ...path] = parts;
  const scheme = new URL(origin).protocol;
  return path.length ?
    `${scheme}//${host}/${path.join('/')}/did.json` :
    `${scheme}//${host}/.well-known/did.json`;
}

async function fetchFromOrigin(url, accept) {
  if(new URL(url).origin !== new URL(origin).origin) {
    throw new Error(`refused to fetch ${url}: not the site under test`);
  }
  const response = await fetch(url, {headers: {Accept: accept}});
  if(!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  loaded.push({url, contentType: response.headers.get('content-type')});
  return response.text();
}

async function contextsOnlyLoader(url) {
  const document = bundled(url);
  if(!document) {
    throw new Error(`not a bundled context: ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document};
}

async function documentLoader(url) {
  if(bundled(url)) {
    return contextsOnlyLoader(url);
  }
  if(url.startsWith('did:web:')) {
    const [did] = url.split('#');
    const didDocument = JSON.parse(
      await fetchFromOrigin(didWebUrl(did), 'application/did+json'));
    if(didDocument.id !== did) {
      throw new Error(`DID document of ${did} names ${didDocument.id}`);
    }
    if(!url.includes('#')) {
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    const method = didDocument.verificationMethod.find(m => m.id === url);
    if(!method) {
      throw new Error(`no verification method ${url}`);
    }
    return {
      contextUrl: null, documentUrl: url,
      document: {'@context': MULTIKEY_CONTEXT, ...method}
    };
  }
  if(url.startsWith('http://') || url.startsWith('https://')) {
    const body = await fetchFromOrigin(url, 'application/ld+json');
    return {contextUrl: null, documentUrl: url, document: JSON.parse(body)};
  }
  throw new Error(`refused to load ${url}`);
}

async function readInput(accept) {
  if(existsSync(input)) {
    return readFileSync(input, 'utf8');
  }
  return fetchFromOrigin(input, accept);
}

function errorText(error) {
  if(!error) {
    return null;
  }
  if(Array.isArray(error)) {
    return error.map(errorText).join('; ');
  }
  const parts = [error.message || String(error)];
  if(error.details && error.details.event) {
    parts.push(JSON.stringify(error.details.event));
  }
  if(error.errors) {
    parts.push(errorText(error.errors));
  }
  if(error.cause) {
    parts.push(errorText(error.cause));
  }
  return parts.join(' | ');
}

async function expand() {
  const credential = JSON.parse(await readInput('application/ld+json'));
  try {
    const expanded = await jsonld.expand(credential, {
      documentLoader: contextsOnlyLoader, safe: true
    });
    return {verified: true, expanded_nodes: expanded.length};
  } catch(error) {
    return {verified: false, error: errorText(error)};
  }
}

async function dataIntegrity() {
  const credential = JSON.parse(await readInput('application/ld+json'));
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const statuses = {};
  const result = await vc.verifyCredential({
    credential, suite, documentLoader, now,
    checkStatus: async options => {
      const outcome = await checkStatus({
        ...options, suite, documentLoader, verifyBitstringStatusListCredential: true,
      });
      for(const entry of outcome.results || []) {
        statuses[entry.credentialStatus.statusPurpose] = entry.status;
      }
      return outcome;
    }
  });
  const proof = (result.results || [])[0] || {};
  return {
    verified: result.verified,
    proof_verified: Boolean(proof.verified),
    verification_method: proof.proof && proof.proof.verificationMethod,
    cryptosuite: proof.proof && proof.proof.cryptosuite,
    status: statuses,
    status_verified: result.statusResult ? result.statusResult.verified : null,
    error: errorText(result.error),
    loaded,
  };
}

const JOSE_HEADERS = new Set(['alg', 'kid', 'jwk', 'typ']);

function seconds(dateTime) {
  return Math.floor(Date.parse(dateTime) / 1000);
}

async function jwt() {
  const token = (await readInput('application/vc+jwt')).trim();
  const problems = [];
  const header = jose.decodeProtectedHeader(token);
  const claims = jose.decodeJwt(token);
  // §8.2 "Create the JOSE Header": alg, kid, jwk, typ only; typ, if present, "JWT".
  for(const name of Object.keys(header)) {
    if(!JOSE_HEADERS.has(name)) {
      problems.push(`header "${name}" is not allowed`);
    }
  }
  if('typ' in header && header.typ !== 'JWT') {
    problems.push(`typ must be "JWT", not "${header.typ}"`);
  }
  if(!['RS256', 'ES256'].includes(header.alg)) {
    problems.push(`alg ${header.alg} is not RS256 or ES256`);
  }
  if(!header.kid && !header.jwk) {
    problems.push('neither kid nor jwk');
  }
  // §8.2 "Verify a Credential": dereference kid to a JWK, verify the JWS.
  let payload = claims;
  try {
    const {document: method} = await documentLoader(header.kid);
    if(!method.publicKeyJwk || 'd' in method.publicKeyJwk) {
      throw new Error('the kid does not name a public JWK');
    }
    const key = await jose.importJWK(method.publicKeyJwk, header.alg);
    ({payload} = await jose.jwtVerify(token, key, {
      algorithms: ['RS256', 'ES256'], typ: 'JWT', currentDate: now,
    }));
  } catch(error) {
    problems.push(`signature: ${error.code || ''} ${error.message}`);
  }
  // §8.2 "Verify a Credential VC-JWT Signature": the registered claims.
  const issuerId = typeof payload.issuer === 'object' ?
    payload.issuer.id : payload.issuer;
  const subject = payload.credentialSubject || {};
  if(!payload.iss || payload.iss !== issuerId) {
    problems.push(`iss ${payload.iss} is not issuer.id ${issuerId}`);
  }
  if(!payload.sub || payload.sub !== subject.id) {
    problems.push(`sub ${payload.sub} is not credentialSubject.id ${subject.id}`);
  }
  if(payload.nbf === undefined || payload.nbf !== seconds(payload.validFrom)) {
    problems.push(`nbf ${payload.nbf} is not validFrom ${payload.validFrom}`);
  }
  if(!payload.jti || payload.jti !== payload.id) {
    problems.push(`jti ${payload.jti} is not id ${payload.id}`);
  }
  if(payload.validUntil && payload.exp !== seconds(payload.validUntil)) {
    problems.push(`exp ${payload.exp} is not validUntil ${payload.validUntil}`);
  }
  if(!payload.validUntil && payload.exp !== undefined) {
    problems.push('exp without validUntil');
  }
  return {verified: problems.length === 0, header, problems, loaded};
}

const modes = {expand, di: dataIntegrity, jwt};
if(!modes[mode]) {
  console.error('usage: verify.mjs expand|di|jwt <input> [origin] [now]');
  process.exit(2);
}
try {
  const result = await modes[mode]();
  console.log(JSON.stringify(result));
  process.exit(result.verified ? 0 : 1);
} catch(error) {
  console.log(JSON.stringify({verified: false, error: errorText(error), loaded}));
  process.exit(1);
}
