// Test-only: a software WebAuthn authenticator (ES256, attestation "none") that answers the options the portal
// generates, as a browser and a security key would, so that the integration tests check real signatures, counters
// and challenges without a browser. The e2e journey uses Chromium's virtual authenticator instead.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const b64 = (data: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(data));
const uint32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
};
// User present, user verified; attested credential data follows on creation.
const FLAGS_UP_UV = 0x01 | 0x04;
const FLAG_AT = 0x40;

export type SoftwareAuthenticator = {
  credentialId: string;
  counter: number;
  /** Answers creation options for `origin`. */
  register(options: PublicKeyCredentialCreationOptionsJSON, origin: string): RegistrationResponseJSON;
  /** Answers request options for `origin`; the counter moves forward unless `counter` says otherwise. */
  authenticate(options: PublicKeyCredentialRequestOptionsJSON, origin: string, overrides?: { counter?: number; rpID?: string }): AuthenticationResponseJSON;
};

export function softwareAuthenticator(): SoftwareAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const rawId = randomBytes(32);
  const state = { counter: 0 };

  const coseKey = (key: KeyObject) => {
    const jwk = key.export({ format: "jwk" });
    const map = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
    ]);
    return Buffer.from(isoCBOR.encode(map));
  };

  const authenticator: SoftwareAuthenticator = {
    credentialId: b64(rawId),
    get counter() {
      return state.counter;
    },
    set counter(value: number) {
      state.counter = value;
    },
    register(options, origin) {
      const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge: options.challenge, origin, crossOrigin: false }));
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(rawId.length);
      const authData = Buffer.concat([sha256(options.rp.id!), Buffer.from([FLAGS_UP_UV | FLAG_AT]), uint32(state.counter), Buffer.alloc(16), idLength, rawId, coseKey(publicKey)]);
      const attestationObject = isoCBOR.encode(
        new Map<string, Uint8Array | string | Map<string, number>>([
          ["fmt", "none"],
          ["attStmt", new Map<string, number>()],
          ["authData", new Uint8Array(authData)],
        ]),
      );
      return {
        id: b64(rawId),
        rawId: b64(rawId),
        type: "public-key",
        response: { clientDataJSON: b64(clientDataJSON), attestationObject: b64(attestationObject), transports: ["usb"] },
        clientExtensionResults: {},
      };
    },
    authenticate(options, origin, overrides = {}) {
      state.counter = overrides.counter ?? state.counter + 1;
      const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: options.challenge, origin, crossOrigin: false }));
      const authData = Buffer.concat([sha256(overrides.rpID ?? options.rpId!), Buffer.from([FLAGS_UP_UV]), uint32(state.counter)]);
      const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), privateKey);
      return {
        id: b64(rawId),
        rawId: b64(rawId),
        type: "public-key",
        response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authData), signature: b64(signature) },
        clientExtensionResults: {},
      };
    },
  };
  return authenticator;
}
