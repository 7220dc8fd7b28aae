/**
 * What a region/year profile changes in checking (DOMAIN.md §5 "a reason is given for each change the
 * profile requires"). The report builder's wording profiles (issue 3) extend these settings.
 */

export interface RuleSettings {
  id: string;
  /** Items whose change against last year needs a stated reason. */
  reasonsPrior: {
    t1Totals: boolean;
    t4Totals: boolean;
    t5Total: boolean;
    t5Items: boolean;
    t7Items: boolean;
    adminCost: boolean;
  };
  /** Items whose difference against the budget needs a stated reason. */
  reasonsBudget: {
    t4Totals: boolean;
    t5Items: boolean;
    t7Items: boolean;
  };
  /** Economic 类 counted as 人员经费 and as 公用经费 in T6. */
  personnelClasses: readonly string[];
  publicClasses: readonly string[];
  /** Whether T9 is published as expenditure only (central form). */
  t9ExpenditureOnly: boolean;
  /** Performance grades: [name, minimum score] from best to worst. */
  grades: readonly (readonly [string, number])[];
}

const STANDARD_GRADES = [
  ['优', 90],
  ['良', 80],
  ['中', 60],
  ['差', 0],
] as const;

export const XINJIANG_2022: RuleSettings = {
  id: 'xinjiang-2022',
  reasonsPrior: {
    t1Totals: true,
    t4Totals: true,
    t5Total: true,
    t5Items: true,
    t7Items: true,
    adminCost: true,
  },
  reasonsBudget: { t4Totals: true, t5Items: false, t7Items: true },
  personnelClasses: ['301', '303'],
  publicClasses: ['302', '310', '399'],
  t9ExpenditureOnly: false,
  grades: STANDARD_GRADES,
};

export const CENTRAL: RuleSettings = {
  ...XINJIANG_2022,
  id: 'central',
  reasonsBudget: { t4Totals: true, t5Items: true, t7Items: true },
  t9ExpenditureOnly: true,
};

export const SHANGHAI_2024: RuleSettings = {
  ...XINJIANG_2022,
  id: 'shanghai-2024',
  reasonsBudget: { t4Totals: true, t5Items: true, t7Items: true },
  grades: [
    ['优', 90],
    ['良', 80],
    ['合格', 60],
    ['不合格', 0],
  ],
};

export const RULE_SETTINGS: Readonly<Record<string, RuleSettings>> = {
  'xinjiang-2022': XINJIANG_2022,
  central: CENTRAL,
  'shanghai-2024': SHANGHAI_2024,
};

/** Settings for a profile name; unknown or missing names use the central form. */
export function ruleSettingsFor(profile: string | undefined): RuleSettings {
  return (profile !== undefined ? RULE_SETTINGS[profile] : undefined) ?? CENTRAL;
}
