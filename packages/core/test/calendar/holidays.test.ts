import { describe, expect, it } from 'vitest';
import {
  type CalendarConfig,
  DEFAULT_CALENDAR_CONFIG,
  type Holiday,
  holidaysOfYear,
} from '../../src/calendar/index.ts';
import { CAL_2026 } from './fixtures.ts';

const cal = DEFAULT_CALENDAR_CONFIG;
const compact = (list: Holiday[]) => list.map((h) => `${h.date} ${h.kind} ${h.name}`);
const on = (date: string, config: CalendarConfig = cal) =>
  holidaysOfYear(Number(date.slice(0, 4)), config).find((h) => h.date === date);

describe('holidaysOfYear: the Labour Code 2019 art. 112 defaults', () => {
  it('2026: Tết from 29 tháng Chạp (Sun 15 Feb) to mùng 3 (Thu 19 Feb), Sunday made up on Fri 20; Giỗ Tổ on a Sunday moves to Monday; 2 Sep on a Wednesday takes 1 Sep', () => {
    expect(compact(holidaysOfYear(2026, cal))).toEqual([
      '2026-01-01 holiday Tết Dương lịch',
      '2026-02-15 holiday Tết Nguyên đán',
      '2026-02-16 holiday Tết Nguyên đán',
      '2026-02-17 holiday Tết Nguyên đán',
      '2026-02-18 holiday Tết Nguyên đán',
      '2026-02-19 holiday Tết Nguyên đán',
      '2026-02-20 compensatory Nghỉ bù',
      '2026-04-26 holiday Giỗ Tổ Hùng Vương',
      '2026-04-27 compensatory Nghỉ bù',
      '2026-04-30 holiday Ngày Chiến thắng',
      '2026-05-01 holiday Ngày Quốc tế Lao động',
      '2026-09-01 holiday Quốc khánh',
      '2026-09-02 holiday Quốc khánh',
    ]);
  });

  it.each([
    ['2022-01-03', '1 Jan 2022 is a Saturday: Monday 3 Jan off'],
    ['2022-04-11', 'Giỗ Tổ 2022 (10 Apr) is a Sunday: Monday 11 Apr off'],
    ['2022-05-02', '30 Apr 2022 is a Saturday: the next working day, Monday 2 May'],
    ['2022-05-03', '1 May 2022 is a Sunday: Monday is taken, so Tuesday 3 May'],
    ['2023-01-02', '1 Jan 2023 is a Sunday: Monday 2 Jan off'],
    ['2023-01-25', 'Tết 2023: 30 tháng Chạp on Saturday 21 Jan, Wednesday after the five days'],
    ['2023-01-26', 'Tết 2023: mùng 1 on Sunday 22 Jan, Thursday 26 Jan'],
    ['2023-05-02', 'Giỗ Tổ 2023 (29 Apr) is a Saturday: past 1 May to Tuesday 2 May'],
    ['2023-05-03', '30 Apr 2023 is a Sunday: Wednesday 3 May'],
    ['2023-09-04', '2 Sep 2023 is a Saturday: Monday 4 Sep'],
    ['2024-02-13', 'Tết 2024 (mùng 1 on Saturday 10 Feb): Tuesday 13 Feb'],
    ['2024-02-14', 'Tết 2024 (mùng 2 on Sunday 11 Feb): Wednesday 14 Feb'],
    ['2026-02-20', 'Tết 2026 (29 tháng Chạp on Sunday 15 Feb): Friday 20 Feb'],
  ])('%s is a compensatory day off (Nghỉ bù): %s', (date) => {
    expect(on(date)).toEqual({ date, name: 'Nghỉ bù', kind: 'compensatory' });
  });

  it.each([
    [2021, 'Thursday', ['2021-09-02', '2021-09-03'], []],
    [2022, 'Friday', ['2022-09-01', '2022-09-02'], []],
    [2023, 'Saturday', ['2023-09-01', '2023-09-02'], ['2023-09-04']],
    [2024, 'Monday', ['2024-09-02', '2024-09-03'], []],
    [2025, 'Tuesday', ['2025-09-01', '2025-09-02'], []],
    [2026, 'Wednesday (no side touches the weekend: 1 Sep)', ['2026-09-01', '2026-09-02'], []],
    [2029, 'Sunday', ['2029-09-02', '2029-09-03'], ['2029-09-04']],
  ])(
    'Quốc khánh %i, 2 Sep on a %s: adjacent day chosen to join the weekend',
    (year, _weekday, holidays, compensatory) => {
      const september = holidaysOfYear(year, cal).filter((h) => h.date.slice(5, 7) === '09');
      expect(september.filter((h) => h.kind === 'holiday').map((h) => h.date)).toEqual(holidays);
      expect(september.filter((h) => h.kind === 'compensatory').map((h) => h.date)).toEqual(compensatory);
    },
  );

  it('a holiday on a weekday gets no compensatory day: in 2026 only Tết’s Sunday and Giỗ Tổ’s are made up', () => {
    expect(
      holidaysOfYear(2026, cal)
        .filter((h) => h.kind === 'compensatory')
        .map((h) => h.date),
    ).toEqual(['2026-02-20', '2026-04-27']);
  });

  it('Tết 2025 (mùng 1 on Wednesday 29 Jan) is Mon 27 - Fri 31 Jan, with no Nghỉ bù, as announced', () => {
    const tet = holidaysOfYear(2025, cal).filter((h) => h.date > '2025-01-01' && h.date < '2025-03-01');
    expect(compact(tet)).toEqual([27, 28, 29, 30, 31].map((d) => `2025-01-${d} holiday Tết Nguyên đán`));
  });

  it('weekly days off come from the config: with only Sunday off, Saturday 1 Jan 2022 is not made up', () => {
    const sundayOnly: CalendarConfig = { ...cal, weeklyDaysOff: ['sunday'] };
    expect(on('2022-01-03', sundayOnly)).toBeUndefined();
    expect(on('2023-01-02', sundayOnly)?.kind).toBe('compensatory');
  });

  it('Giỗ Tổ falling on 30 April (1947) is one day off under both names', () => {
    expect(on('1947-04-30')).toEqual({
      date: '1947-04-30',
      name: 'Giỗ Tổ Hùng Vương, Ngày Chiến thắng',
      kind: 'holiday',
    });
  });

  it('uses the Vietnamese lunar calendar: mùng 1 of 2030 is Sat 2 Feb (3 Feb at UTC+8), so Tết is 31 Jan - 4 Feb', () => {
    const tet = holidaysOfYear(2030, cal).filter((h) => h.name === 'Tết Nguyên đán');
    expect(tet.map((h) => h.date)).toEqual([
      '2030-01-31',
      '2030-02-01',
      '2030-02-02',
      '2030-02-03',
      '2030-02-04',
    ]);
  });

  it('every year 1900-2199: 11 statutory days, sorted, one entry per date, one Nghỉ bù per holiday on a weekend', () => {
    for (let year = 1900; year <= 2199; year++) {
      const list = holidaysOfYear(year, cal);
      const dates = list.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      const holidays = list.filter((h) => h.kind === 'holiday');
      expect(holidays.length).toBe(year === 1947 ? 10 : 11);
      const weekend = holidays.filter((h) => [0, 6].includes(new Date(h.date).getUTCDay()));
      const compensatory = list.filter((h) => h.kind === 'compensatory');
      expect(compensatory.length, String(year)).toBe(weekend.length);
      for (const c of compensatory) expect([0, 6]).not.toContain(new Date(c.date).getUTCDay());
      expect(dates.every((d) => d.startsWith(String(year)))).toBe(true);
    }
  });

  it('names are the official ones, with their diacritics', () => {
    const names = new Set(holidaysOfYear(2023, cal).map((h) => h.name));
    expect([...names].sort()).toEqual(
      [
        'Giỗ Tổ Hùng Vương',
        'Ngày Chiến thắng',
        'Ngày Quốc tế Lao động',
        'Nghỉ bù',
        'Quốc khánh',
        'Tết Dương lịch',
        'Tết Nguyên đán',
      ].sort(),
    );
    for (const name of names) expect(name).toBe(name.normalize('NFC'));
  });

  it('rejects years outside 1900-2199', () => {
    expect(() => holidaysOfYear(1899, cal)).toThrow(RangeError);
    expect(() => holidaysOfYear(2200, cal)).toThrow(RangeError);
  });
});

describe('holidaysOfYear: announced overrides win', () => {
  it('2026: Tết 14-22 Feb and 31 Aug off, Saturday 22 Aug worked instead', () => {
    const list = compact(holidaysOfYear(2026, CAL_2026));
    expect(list.filter((h) => h.startsWith('2026-02-'))).toEqual(
      [14, 15, 16, 17, 18, 19, 20, 21, 22].map((d) => `2026-02-${d} override-off Nghỉ Tết Nguyên đán`),
    );
    expect(list.filter((h) => h.startsWith('2026-08-') || h.startsWith('2026-09-'))).toEqual([
      '2026-08-22 override-working Làm bù cho ngày 31/8',
      '2026-08-31 override-off Nghỉ Quốc khánh (hoán đổi)',
      '2026-09-01 holiday Quốc khánh',
      '2026-09-02 holiday Quốc khánh',
    ]);
  });

  it('an announcement that differs from the default is entered as overrides: 2024 moved one day later', () => {
    // The default gives 8-12 Feb 2024 with Nghỉ bù on 13 and 14 (as announced). A hypothetical
    // announcement of 9-15 Feb takes two rows: 8 Feb worked, 15 Feb off.
    const announced: CalendarConfig = {
      ...cal,
      overrides: [
        { date: '2024-02-08', kind: 'working', name: 'Đi làm (theo thông báo nghỉ Tết)' },
        { date: '2024-02-15', kind: 'off', name: 'Nghỉ Tết Nguyên đán' },
      ],
    };
    const february = holidaysOfYear(2024, announced).filter((h) => h.date.startsWith('2024-02'));
    expect(february.filter((h) => h.kind !== 'override-working').map((h) => h.date)).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
    ]);
    expect(on('2024-02-08', announced)?.kind).toBe('override-working');
  });

  it('overrides of other years do not leak in', () => {
    expect(holidaysOfYear(2025, CAL_2026)).toEqual(holidaysOfYear(2025, cal));
  });

  it('returns copies: editing the result does not change the next call', () => {
    const first = holidaysOfYear(2026, cal);
    first[0]!.name = 'changed';
    first.pop();
    expect(holidaysOfYear(2026, cal)[0]!.name).toBe('Tết Dương lịch');
    expect(holidaysOfYear(2026, cal)).toHaveLength(13);
  });
});
