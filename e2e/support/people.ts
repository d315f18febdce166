/** The people the test OpenID provider knows (its stand-in for VNeID's register), by subject. */
export interface TestPerson {
  /** The provider's subject identifier: what the devInteractions login form takes as "login". */
  sub: string;
  name: string;
  /** Số định danh cá nhân, 12 digits: the server stores it encrypted and shows it masked. */
  identity_number: string;
  /** Where this person's email goes (the provider gives none: the portal asks for it). */
  email: string;
}

export const TEST_PEOPLE = [
  {
    sub: 'vneid-e2e-an',
    name: 'Nguyễn Văn An',
    identity_number: '079200001234',
    email: 'an.nguyen@e2e.example.vn',
  },
  {
    sub: 'vneid-e2e-binh',
    name: 'Trần Thị Bình',
    identity_number: '001199005678',
    email: 'binh.tran@e2e.example.vn',
  },
  {
    sub: 'vneid-e2e-cuong',
    name: 'Lê Minh Cường',
    identity_number: '038201009012',
    email: 'cuong.le@e2e.example.vn',
  },
  {
    sub: 'vneid-e2e-dung',
    name: 'Phạm Thị Dung',
    identity_number: '079301004567',
    email: 'dung.pham@e2e.example.vn',
  },
] as const satisfies readonly TestPerson[];

/**
 * A person VNeID knows without an email (as it often is): the portal tells them no email reaches
 * them and lets them add one. Apart from TEST_PEOPLE, whose emails the tests read.
 */
export const PERSON_WITHOUT_EMAIL = {
  sub: 'vneid-e2e-giang',
  name: 'Đỗ Thị Giang',
  identity_number: '079302007788',
} as const;
