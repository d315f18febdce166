import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  type NotificationKind,
  renderTemplate,
  unknownPlaceholders,
  vietnamDayText,
} from '../src/index.ts';

describe('notification templates', () => {
  it('ships defaults in both languages that use only the placeholders their kind has', () => {
    for (const [kind, byLocale] of Object.entries(DEFAULT_TEMPLATES)) {
      for (const locale of ['vi', 'en'] as const) {
        const t = byLocale[locale];
        expect(
          unknownPlaceholders(kind as NotificationKind, t.subject + t.body),
          `${kind}/${locale}`,
        ).toEqual([]);
      }
    }
  });

  it('names each unknown placeholder once, and fills the known ones', () => {
    expect(
      unknownPlaceholders('dossier.applicant.extend', '{{code}} {{ngay}} {{ ngay }} {{dueAt}} {{x}}'),
    ).toEqual(['ngay', 'x']);
    expect(renderTemplate('Hồ sơ {{code}}, hẹn {{ dueAt }}', { code: 'H29-1', dueAt: null })).toBe(
      'Hồ sơ H29-1, hẹn —',
    );
  });

  it('writes dates dd/mm/yyyy as the day is in Vietnam', () => {
    expect(vietnamDayText('2026-12-31T16:59:00Z')).toBe('31/12/2026');
    expect(vietnamDayText('2026-12-31T17:00:00Z')).toBe('01/01/2027');
  });
});
