#!/usr/bin/env node
// Quickstart: a Node.js client of the Bilan gRPC API with @grpc/grpc-js and @grpc/proto-loader.
//   1. load the contract from protos/ (the .proto files are the documentation: every field is commented);
//   2. log in with AuthService/Login and send the session token as `authorization: Bearer <token>`;
//   3. list bilans, create a beneficiary;
//   4. send an invalid beneficiary and print the French messages of the error, decoded from the
//      `grpc-status-details-bin` trailer (a google.rpc.Status with ErrorInfo, BadRequest, LocalizedMessage...);
//   5. as support would, look that error up by its correlation id (SupportService.LookupError; support and
//      admin users only).
// Usage: node scripts/quickstarts/node-client.mjs [HOST:PORT] [EMAIL] [PASSWORD]
//        (default 127.0.0.1:5001 and the demo admin of scripts/run)
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

// The packages are installed in scripts/tools (npm ci there). In your own project, `npm install @grpc/grpc-js
// @grpc/proto-loader` and import them as usual; protobufjs comes with @grpc/proto-loader.
const require = createRequire(new URL('../tools/package.json', import.meta.url));
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const [address = '127.0.0.1:5001', email = 'admin@example.org', password = 'Demo-admin-2026'] = process.argv.slice(2);
const protos = (path) => fileURLToPath(new URL(path, import.meta.url));

// 1. The contract. includeDirs: protos/ for bilan/v1/*, google/type/date.proto and google/api/*.proto.
const definition = protoLoader.loadSync(
  ['bilan/v1/auth_service.proto', 'bilan/v1/bilan_service.proto', 'bilan/v1/beneficiary_service.proto', 'bilan/v1/support_service.proto'],
  { includeDirs: [protos('../../protos')], keepCase: false, longs: String, enums: String, defaults: false },
);
const { bilan: { v1 } } = grpc.loadPackageDefinition(definition);

// The error details: google.rpc.Status and its detail types, decoded with protobufjs.
const rpc = protobuf.loadSync([protos('protos/google/rpc/status.proto'), protos('protos/google/rpc/error_details.proto')]);
const Status = rpc.lookupType('google.rpc.Status');

/** The google.rpc.Status of a failed call, with its details unpacked: [{ type: 'google.rpc.ErrorInfo', ... }]. */
function richStatus(error) {
  const [bytes] = error.metadata?.get('grpc-status-details-bin') ?? [];
  if (!bytes) return null;
  const status = Status.decode(bytes);
  const details = status.details.map((any) => {
    const type = any.type_url.slice(any.type_url.lastIndexOf('/') + 1); // type.googleapis.com/google.rpc.ErrorInfo
    const Detail = rpc.lookupType(type);
    return { type, ...Detail.toObject(Detail.decode(any.value)) };
  });
  return { code: status.code, message: status.message, details };
}

// Promisified unary calls: `await call(client, 'ListBilans', request)`.
const call = (client, method, request) =>
  new Promise((resolve, reject) => client[method](request, (error, response) => (error ? reject(error) : resolve(response))));

// h2c (no TLS) for the local server; use grpc.credentials.createSsl() against a TLS endpoint.
const insecure = grpc.credentials.createInsecure();

// 2. Log in. Login is the one call that needs no token.
console.log(`AuthService/Login as ${email} on ${address}`);
const authService = new v1.AuthService(address, insecure);
const { token } = await call(authService, 'Login', { email, password });
authService.close();
console.log(`  session token ${token.slice(0, 6)}…`);

// Every later call carries the token. Call credentials would need TLS; metadata works on h2c too.
const auth = new grpc.Metadata();
auth.set('authorization', `Bearer ${token}`);
const withToken = (client, method, request) =>
  new Promise((resolve, reject) => client[method](request, auth, (error, response) => (error ? reject(error) : resolve(response))));

// 3. List bilans, then create a beneficiary (with a request_id: a retry with the same id is safe).
const bilans = new v1.BilanService(address, insecure);
const page = await withToken(bilans, 'ListBilans', { pageSize: 3 });
console.log(`BilanService/ListBilans: ${page.bilans.length} bilan(s) on the first page`);
for (const b of page.bilans) console.log(`  ${b.name}  ${b.state}`);

const beneficiaries = new v1.BeneficiaryService(address, insecure);
const created = await withToken(beneficiaries, 'CreateBeneficiary', {
  beneficiary: { givenName: 'Camille', familyName: 'Martin', email: 'camille.martin@example.org', publicCategory: 'PUBLIC_CATEGORY_JOB_SEEKER' },
  requestId: randomUUID(),
});
console.log(`BeneficiaryService/CreateBeneficiary: ${created.name}`);

// 4. A validation error: every bad field is listed at once, each with a French message for staff.
let correlationId;
try {
  await withToken(beneficiaries, 'CreateBeneficiary', { beneficiary: { email: 'not-an-email' } });
  throw new Error('the invalid beneficiary was accepted');
} catch (error) {
  if (error.code !== grpc.status.INVALID_ARGUMENT) throw error;
  const status = richStatus(error);
  const info = status.details.find((d) => d.type === 'google.rpc.ErrorInfo');
  const french = status.details.find((d) => d.type === 'google.rpc.LocalizedMessage');
  const badRequest = status.details.find((d) => d.type === 'google.rpc.BadRequest');
  correlationId = info.metadata.correlation_id;
  console.log(`CreateBeneficiary with bad fields: INVALID_ARGUMENT, reason ${info.reason}, correlation id ${correlationId}`);
  console.log(`  ${french.locale}: ${french.message}`);
  for (const v of badRequest.fieldViolations) console.log(`  - ${v.field}: ${v.localizedMessage.message}`);
}
// 5. What support sees of that error: the call, the caller, the code and reason; never a message text.
const support = new v1.SupportService(address, insecure);
const record = await withToken(support, 'LookupError', { correlationId });
console.log(`SupportService/LookupError ${correlationId}: ${record.method} ${record.status} ${record.reason} by ${record.actor} on ${record.instance}`);

for (const client of [bilans, beneficiaries, support]) client.close();
console.log('node-client quickstart: done');
