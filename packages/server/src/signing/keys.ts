/**
 * The agency's result-signing certificate (docs/signing.md). Configured as a PKCS#12 file
 * (RESULT_SIGNING_P12_FILE + RESULT_SIGNING_P12_PASSWORD) or as PEM key and certificate files
 * (RESULT_SIGNING_KEY_FILE + RESULT_SIGNING_CERT_FILE, optionally RESULT_SIGNING_CA_FILE). Unset, a
 * demo CA and certificate are made once under DATA_DIR/result-signing: NOT for production.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import type { Config } from '../config.ts';

export interface SigningMaterial {
  /** PKCS#12 bytes the signer reads. */
  p12: Buffer;
  password: string;
  /** The signer's private key and certificate, and the other certificates of the file (its chain). */
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
  /** Certificates a signature must chain to (the issuing CA); the certificate itself when none is given. */
  trusted: forge.pki.Certificate[];
  /** The signer's subject, e.g. "CN=Sở Nội vụ, O=…". */
  subject: string;
}

/** "CN=…, O=…" from a certificate's subject. */
export function subjectText(cert: forge.pki.Certificate): string {
  // node-forge leaves a parsed UTF8String as its bytes.
  return cert.subject.attributes
    .map((a) => {
      const utf8 = (a.valueTagClass as unknown) === forge.asn1.Type.UTF8;
      return `${a.shortName ?? a.name}=${utf8 ? forge.util.decodeUtf8(String(a.value)) : String(a.value)}`;
    })
    .join(', ');
}

function fromP12(p12: Buffer, password: string, extraTrusted: forge.pki.Certificate[]): SigningMaterial {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, password);
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined);
  const keys =
    parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ??
    [];
  const key = keys[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('the PKCS#12 file holds no private key');
  const leaf = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.equals(key.n);
  });
  if (!leaf) throw new Error('the PKCS#12 file holds no certificate for its key');
  const others = certs.filter((c) => c !== leaf);
  const trusted = [...extraTrusted, ...others];
  return {
    p12,
    password,
    key,
    certificate: leaf,
    chain: others,
    trusted: trusted.length ? trusted : [leaf],
    subject: subjectText(leaf),
  };
}

function toP12(key: forge.pki.rsa.PrivateKey, chain: forge.pki.Certificate[], password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

const readPemCerts = (pem: string): forge.pki.Certificate[] =>
  forge.pem.decode(pem).map((block) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(block.body)));

/** An RSA-2048 key pair made by Node's native crypto (node-forge's JavaScript takes seconds), as forge keys. */
function rsaKeyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** A self-made CA and a certificate it issues to the demo agency. */
export function makeDemoChain(commonName: string): {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
  ca: forge.pki.Certificate;
} {
  const now = new Date();
  const caKeys = rsaKeyPair();
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = '01';
  ca.validity.notBefore = new Date(now.getTime() - 86_400_000);
  ca.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
  // Vietnamese names as UTF8String (node-forge encodes and decodes them); the default would mangle them.
  const utf8 = (name: string, value: string) => ({
    name,
    value,
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  });
  const caName = [
    utf8('commonName', 'Motcua Demo CA (KHÔNG dùng thật)'),
    utf8('organizationName', 'Motcua demo'),
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '02';
  cert.validity.notBefore = ca.validity.notBefore;
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 86_400_000);
  cert.setSubject([utf8('commonName', commonName), utf8('organizationName', 'Motcua demo')]);
  cert.setIssuer(caName);
  cert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());
  return { key: keys.privateKey, cert, ca };
}

async function load(config: Config): Promise<SigningMaterial> {
  const s = config.resultSigning;
  const ca = s.caFile ? readPemCerts(await readFile(s.caFile, 'utf8')) : [];
  if (s.p12File) return fromP12(await readFile(s.p12File), s.p12Password, ca);
  if (s.keyFile && s.certFile) {
    const key = forge.pki.privateKeyFromPem(await readFile(s.keyFile, 'utf8'));
    const chain = readPemCerts(await readFile(s.certFile, 'utf8'));
    return fromP12(toP12(key, chain, ''), '', ca);
  }
  // Demo: made once under DATA_DIR, kept for the next start so earlier results still verify.
  const dir = join(config.dataDir, 'result-signing');
  const file = join(dir, 'demo-signing.p12');
  const caPem = join(dir, 'demo-ca.pem');
  try {
    return fromP12(await readFile(file), 'demo', readPemCerts(await readFile(caPem, 'utf8')));
  } catch {
    const written = await writeDemo(dir, caPem, file);
    if (written) return fromP12(written.p12, 'demo', [written.ca]);
    // A DATA_DIR that cannot be written (the tests' default) shares one demo chain per process.
    inMemoryDemo ??= demoMaterial().then(({ p12, ca }) => fromP12(p12, 'demo', [ca]));
    return inMemoryDemo;
  }
}

function demoMaterial(): Promise<{ p12: Buffer; ca: forge.pki.Certificate }> {
  const chain = makeDemoChain('Cơ quan demo Motcua (chứng thư thử nghiệm)');
  // The CA as it is read back from its PEM file: a freshly made certificate holds its Vietnamese
  // names as text, a parsed one as UTF-8 bytes, and node-forge's issuer check compares them as they
  // are, so the fresh one would not recognise the certificates it issued (every result "untrusted"
  // until the next start).
  const ca = forge.pki.certificateFromPem(forge.pki.certificateToPem(chain.ca));
  return Promise.resolve({ p12: toP12(chain.key, [chain.cert], 'demo'), ca });
}

/** Makes the demo chain and writes it under DATA_DIR; null when the directory cannot be written. */
async function writeDemo(dir: string, caPem: string, file: string) {
  try {
    await mkdir(dir, { recursive: true });
  } catch {
    return null;
  }
  const demo = await demoMaterial();
  try {
    await writeFile(caPem, forge.pki.certificateToPem(demo.ca), { mode: 0o644 });
    await writeFile(file, demo.p12, { mode: 0o600 });
  } catch {
    return null;
  }
  return demo;
}

/** The demo material of this process when DATA_DIR is not writable. */
let inMemoryDemo: Promise<SigningMaterial> | undefined;

const cache = new WeakMap<Config, Promise<SigningMaterial>>();

/** The signing material of this configuration, read once (a failed read is retried next time). */
export function signingMaterial(config: Config): Promise<SigningMaterial> {
  let p = cache.get(config);
  if (!p) {
    p = load(config);
    cache.set(config, p);
    p.catch(() => cache.delete(config));
  }
  return p;
}

export { toP12 };
