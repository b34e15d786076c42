/** The columns an officer list can be sorted by (the list's contract with pages and the API). */
export const OFFICER_SORT_KEYS = [
  'code',
  'name',
  'role',
  'supervisor',
  'subsls',
  'prelist',
  'selesai',
  'progres',
  'pace7',
  'requiredPace',
  'projectedFinish',
  'lastReport',
  'daysSilent',
  'tingkatPenolakan',
  'flags',
  'status',
] as const;
export type OfficerSortKey = (typeof OFFICER_SORT_KEYS)[number];
