/**
 * Checks a PDF's signature: the last /ByteRange and /Contents of the file, the CMS SignedData in it
 * (node-forge), the SHA-256 of the signed byte ranges against the signature's message digest, the
 * RSA signature over the signed attributes with the signer's certificate, and that certificate
 * against the agency's CA. Never throws on bad input: a broken file is a verdict.
 */
import { createHash } from 'node:crypto';
import type { SignatureFacts } from '@motcua/core';
import forge from 'node-forge';
import { subjectText } from './keys.ts';

export interface SignatureCheck {
  facts: Omit<SignatureFacts, 'issuedCopy'>;
  signer: string | null;
  sha256: string;
}

const isPdf = (data: Buffer) => data.subarray(0, 1024).includes('%PDF-');

function lastSignature(data: Buffer): { range: number[]; contents: Buffer } | null {
  const text = data.toString('latin1');
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  for (;;) {
    m = re.exec(text);
    if (!m) break;
    last = m;
  }
  if (!last) return null;
  const range = last.slice(1, 5).map(Number);
  const [a, b, c, d] = range as [number, number, number, number];
  if (a !== 0 || b <= 0 || c < b || c + d > data.length) return null;
  // Between the two ranges: "<hex>".
  const hole = text.slice(b, c);
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(hole.trim());
  if (!hex?.[1]) return null;
  return { range, contents: Buffer.from(hex[1], 'hex') };
}

function attribute(attrs: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  for (const attr of attrs) {
    const [type, values] = attr.value as forge.asn1.Asn1[];
    if (type && forge.asn1.derToOid(type.value as string) === oid)
      return (values?.value as forge.asn1.Asn1[] | undefined)?.at(0);
  }
  return undefined;
}

export function checkSignature(data: Buffer, trusted: readonly forge.pki.Certificate[]): SignatureCheck {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const none = { digestMatches: false, signatureValid: false, trustedSigner: false };
  if (!isPdf(data)) return { facts: { isPdf: false, hasSignature: false, ...none }, signer: null, sha256 };
  const sig = lastSignature(data);
  if (!sig) return { facts: { isPdf: true, hasSignature: false, ...none }, signer: null, sha256 };
  const [a, b, c, d] = sig.range as [number, number, number, number];
  const signed = Buffer.concat([data.subarray(a, a + b), data.subarray(c, c + d)]);
  try {
    // The placeholder is padded with zeros after the DER.
    // The typings know only `strict`; node-forge also takes options, and the padding is not DER.
    const fromDer = forge.asn1.fromDer as unknown as (
      bytes: forge.util.ByteBuffer,
      options: { strict: boolean; parseAllBytes: boolean },
    ) => forge.asn1.Asn1;
    const asn1 = fromDer(forge.util.createBuffer(sig.contents.toString('binary')), {
      strict: false,
      parseAllBytes: false,
    });
    const p7 = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { authenticatedAttributes?: forge.asn1.Asn1[]; signature: string; digestAlgorithm: string };
    };
    const cert = p7.certificates[0];
    const raw = p7.rawCapture;
    const attrs = raw.authenticatedAttributes;
    if (!cert || !attrs) return { facts: { isPdf: true, hasSignature: true, ...none }, signer: null, sha256 };
    const algorithm = forge.asn1.derToOid(raw.digestAlgorithm);
    if (algorithm !== forge.pki.oids.sha256) {
      return { facts: { isPdf: true, hasSignature: true, ...none }, signer: subjectText(cert), sha256 };
    }
    const digestAttr = attribute(attrs, forge.pki.oids.messageDigest!);
    const expected = digestAttr ? Buffer.from(digestAttr.value as string, 'binary') : Buffer.alloc(0);
    const actual = createHash('sha256').update(signed).digest();
    const digestMatches = expected.length === 32 && expected.equals(actual);
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const md = forge.md.sha256.create();
    md.update(forge.asn1.toDer(set).getBytes());
    let signatureValid = false;
    try {
      signatureValid = (cert.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().bytes(), raw.signature);
    } catch {
      signatureValid = false;
    }
    const trustedSigner = trusted.some((ca) => {
      try {
        if (ca.publicKey && forge.pki.certificateToPem(ca) === forge.pki.certificateToPem(cert)) return true;
        return ca.verify(cert);
      } catch {
        return false;
      }
    });
    return {
      facts: { isPdf: true, hasSignature: true, digestMatches, signatureValid, trustedSigner },
      signer: subjectText(cert),
      sha256,
    };
  } catch {
    return { facts: { isPdf: true, hasSignature: true, ...none }, signer: null, sha256 };
  }
}
