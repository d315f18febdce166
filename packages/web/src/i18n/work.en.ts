import type { workVi } from './work.vi.ts';

/** Approval brief, role homes, the phone menu and the catalogue's filters (English). */
export const workEn: typeof workVi = {
  brief: {
    title: 'The draft and the notes before the decision',
    titleFor: (code: string) => `Draft and notes of dossier ${code}`,
    draft: 'Draft result',
    noDraft: 'No draft result is attached (a document of the kind “Result”). Open the dossier to see it all.',
    notes: 'Notes of the processing steps',
    noNotes: 'The processing steps left no notes.',
    noText: 'No note.',
    by: (actor: string, role: string | null) => (role ? `${actor} (${role})` : actor),
    step: (name: string) => `Step “${name}”`,
    documents: 'Documents of the dossier',
    noDocuments: 'The dossier has no documents attached.',
    download: 'Download',
  },
  home: {
    mostOverdue: 'Most overdue dossiers',
    mostOverdueLead: 'Deal first with the dossiers longest past their date.',
    overdueDays: (days: number) => `${days.toLocaleString('en-GB')} working days overdue`,
    overdueHours: (hours: number) => `${hours.toLocaleString('en-GB')} working hours overdue`,
    dueWas: (date: string) => `due ${date}`,
    allOverdue: (n: number) => `See all ${n} overdue dossiers`,
    noWork: 'No dossier needs you at the moment.',
    appraiserTitle: 'Your work as an appraiser',
    appraiserNotYet:
      'Appraising the administrative reform index (PAR Index) is not in this release yet: self-assessments, their evidence and appraisal scores cannot be seen or recorded here.',
    appraiserToday: 'Today you can:',
    appraiserCatalogue: 'Read the published procedure catalogue',
    appraiserLookup: 'Look up where a dossier stands by its code',
    appraiserPassword: 'Change your password',
  },
  citizen: {
    title: 'This page is for staff',
    body: 'The workspace is for the officers who process dossiers. Your account is a citizen or business account, so there is nothing for you here.',
    portalLater: 'The citizens’ portal for submitting dossiers online is not in this release yet.',
    whatYouCan: 'You can:',
    lookup: 'Look up a dossier by the code printed on its receipt',
    catalogue: 'Find a procedure, its documents and fees',
    signOut: 'Sign out',
  },
  menu: {
    open: 'Menu',
    close: 'Close menu',
    public: 'Public service portal',
  },
  filters: {
    toggle: 'Filter',
    active: (n: number) => (n === 0 ? 'none chosen' : `${n} applied`),
  },
};
