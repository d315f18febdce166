/**
 * The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3; CAdES signed
 * attributes, ETSI EN 319 122-1), detached, SHA-256 with RSA. Its signed attributes are exactly:
 *
 * - content-type (id-data);
 * - message-digest (SHA-256 of the PDF's signed byte ranges);
 * - ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's certificate and its issuer
 *   and serial number, which binds the signature to that certificate.
 *
 * No signing-time attribute: PAdES baseline signatures do not carry it; the claimed signing time is
 * the signature dictionary's /M (set by the placeholder). node-forge's PKCS#7 writer cannot add
 * the ESS attribute and always adds signing-time, so the structure is written here with
 * node-forge's ASN.1 (DER) encoder, and signed with Node's crypto.
 */
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import type { SigningMaterial } from './keys.ts';

const { asn1 } = forge;
const { Class, Type } = asn1;

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const oid = (id: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const octets = (bytes: Buffer) =>
  asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
const int = (n: number) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string) => seq([oid(id), asn1.create(Class.UNIVERSAL, Type.NULL, false, '')]);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** DER's SET OF: its elements in the order of their encodings (X.690 §11.6). */
function setOf(items: forge.asn1.Asn1[], tagClass = Class.UNIVERSAL, tag: number = Type.SET) {
  const sorted = items
    .map((node) => ({ node, bytes: der(node) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  return asn1.create(
    tagClass,
    tag,
    true,
    sorted.map((x) => x.node),
  );
}

const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), setOf([value])]);

/** A certificate's DER, its issuer Name and serialNumber as they stand in it. */
function certificateParts(cert: forge.pki.Certificate) {
  const node = forge.pki.certificateToAsn1(cert);
  const tbs = (node.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  // TBSCertificate: [0] version (when not v1), serialNumber, signature, issuer, …
  const at = tbs[0]!.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { der: der(node), node, serial: tbs[at]!, issuer: tbs[at + 2]! };
}

/** ESS signing-certificate-v2 (RFC 5035 §3): one ESSCertIDv2, SHA-256 (the default, so not written). */
function signingCertificateV2(cert: ReturnType<typeof certificateParts>) {
  const hash = createHash('sha256').update(cert.der).digest();
  // IssuerSerial: issuer as GeneralNames (one directoryName, [4] EXPLICIT Name) and the serial number.
  const issuerSerial = seq([seq([asn1.create(Class.CONTEXT_SPECIFIC, 4, true, [cert.issuer])]), cert.serial]);
  return seq([seq([seq([octets(hash), issuerSerial])])]);
}

/** The detached CMS SignedData (DER) over `content`, PAdES B-B. */
export function padesSignedData(content: Buffer, material: SigningMaterial): Buffer {
  const signer = certificateParts(material.certificate);
  const signedAttrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer)),
  ];
  // The signature is over the attributes' DER as a SET OF (tag 0x31); the SignerInfo holds them as [0] IMPLICIT.
  const key = createPrivateKey(forge.pki.privateKeyToPem(material.key));
  const signature = sign('sha256', der(setOf(signedAttrs)), key);
  const signerInfo = seq([
    int(1),
    seq([signer.issuer, signer.serial]),
    algorithm(OID.sha256),
    setOf(signedAttrs, Class.CONTEXT_SPECIFIC, 0),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const certificates = [signer.node, ...material.chain.map((c) => certificateParts(c).node)];
  const signedData = seq([
    int(1),
    setOf([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, certificates),
    setOf([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** The @signpdf signer of PAdES B-B signatures with the agency's material. */
export class PadesSigner extends Signer {
  constructor(private readonly material: SigningMaterial) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return padesSignedData(pdfBuffer, this.material);
  }
}
