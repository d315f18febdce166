/**
 * The audit checkpoints printed under the register (form 07): each agency's latest signed chain
 * head, so that a paper copy of it exists outside the database. `verify-audit` compares the
 * database with them; a reader can compare a printed copy with what `verify-audit` reports.
 */
import { viDateTime } from './format.ts';
import { type Block, b, i, para } from './layout.ts';
import type { AuditCheckpointLine } from './model.ts';

const SIZE = 10;

export function checkpointBlocks(checkpoints: readonly AuditCheckpointLine[] | undefined): Block[] {
  if (!checkpoints?.length) return [];
  // Hashes, signatures and fingerprints stay on one line so that they read and compare whole.
  const value = (label: string, text: string) =>
    para([`${label}: `, text], { align: 'left', size: SIZE, spaceAfter: 0, fit: true, indentMm: 5 });
  return [
    para(b('Mốc kiểm chứng nhật ký xử lý hồ sơ (chữ ký số Ed25519)'), {
      align: 'left',
      size: SIZE + 1,
      spaceBefore: 12,
      spaceAfter: 2,
      keepWithNext: true,
    }),
    ...checkpoints.flatMap((c) => [
      para(`${c.agencyName}: sự kiện thứ ${c.chainSeq}, ký lúc ${viDateTime(c.signedAt)}`, {
        align: 'left',
        size: SIZE,
        spaceBefore: 4,
        spaceAfter: 0,
        keepWithNext: true,
      }),
      value('Mã băm', c.headHash),
      value('Chữ ký', c.signature),
      value('Dấu vân tay khóa công khai (SHA-256)', c.keyFingerprint),
    ]),
    para(i('Đối chiếu các giá trị trên với kết quả lệnh "npx motcua verify-audit".'), {
      align: 'left',
      size: SIZE,
      spaceBefore: 4,
    }),
  ];
}
