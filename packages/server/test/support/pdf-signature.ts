/**
 * A PDF's signature checked with node-forge and Node's crypto, not the app's code: the server's
 * signed-results tests and the e2e fee-and-result journey share it.
 */
import { createHash, createPublicKey, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** DER bytes read leniently (a PDF's /Contents is padded with zeros after the CMS). */
export const asn1Of = (bytes: Buffer) =>
  (forge.asn1.fromDer as unknown as (x: unknown, o: unknown) => forge.asn1.Asn1)(
    forge.util.createBuffer(bytes.toString('binary')),
    { strict: false, parseAllBytes: false },
  );

/**
 * The last signature of a PDF: its /ByteRange [a b c d] (the signed bytes are a..a+b and c..c+d)
 * and the CMS bytes stored between the two ranges.
 */
export function lastSignature(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const m = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1);
  if (!m) throw new Error('the PDF has no signature (/ByteRange)');
  const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
  return {
    range: { a, b, c, d },
    signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
    cms: Buffer.from(text.slice(b + 1, c - 1), 'hex'),
  };
}

/**
 * The last signature of a PDF verified independently: the signer's key signs the signed attributes
 * (signatureOk), which hold the SHA-256 of the signed byte ranges (digestInAttrs); with `caPem`,
 * whether that CA issued the signer's certificate.
 */
export function independentlyVerify(pdf: Buffer, caPem?: string) {
  const { range, signed, cms } = lastSignature(pdf);
  const p7 = forge.pkcs7.messageFromAsn1(asn1Of(cms)) as forge.pkcs7.PkcsSignedData & {
    rawCapture: { authenticatedAttributes: forge.asn1.Asn1[]; signature: string };
  };
  const certPem = forge.pki.certificateToPem(p7.certificates[0]!);
  const cert = new X509Certificate(certPem);
  const attrs = forge.asn1.create(
    forge.asn1.Class.UNIVERSAL,
    forge.asn1.Type.SET,
    true,
    p7.rawCapture.authenticatedAttributes,
  );
  const signatureOk = cryptoVerify(
    'sha256',
    Buffer.from(forge.asn1.toDer(attrs).getBytes(), 'binary'),
    createPublicKey(certPem),
    Buffer.from(p7.rawCapture.signature, 'binary'),
  );
  const digest = createHash('sha256').update(signed).digest('binary');
  const digestInAttrs = p7.rawCapture.authenticatedAttributes.some((attr) =>
    forge.asn1.toDer(attr).getBytes().includes(digest),
  );
  return {
    range,
    signatureOk,
    digestInAttrs,
    issuedByCa: caPem ? cert.verify(new X509Certificate(caPem).publicKey) : null,
    subject: cert.subject,
  };
}
