import type { MetricType } from '@keyline/shared';

/** The words of the demo organisation: a B2B SaaS company with three teams. */

export const DEMO_TEAMS = ['Growth', 'Support Experience', 'Platform'] as const;

export interface DemoKeyResult {
  title: string;
  metricType: MetricType;
  start: number;
  target: number;
  unit: string;
  weight: number;
  /** Fraction of expected pace the KR keeps: < 1 is behind. */
  pace: number;
  lastNote: string;
}

interface DemoObjective {
  key: string;
  title: string;
  description: string;
  team?: (typeof DEMO_TEAMS)[number];
  parent?: string;
  weight: number;
  keyResults: DemoKeyResult[];
}

export const DEMO_OBJECTIVES: DemoObjective[] = [
  {
    key: 'grow',
    title: 'Grow self-serve revenue',
    description: 'More teams find, try and buy Keyline without talking to sales.',
    weight: 2,
    keyResults: [
      {
        title: 'Trial-to-paid conversion',
        metricType: 'percent',
        start: 4,
        target: 6,
        unit: '%',
        weight: 2,
        pace: 0.85,
        lastNote: 'Pricing page test lifted sign-ups.',
      },
      {
        title: 'Self-serve ARR',
        metricType: 'currency',
        start: 1_200_000,
        target: 2_000_000,
        unit: '$',
        weight: 1,
        pace: 0.55,
        lastNote: 'Annual plans slipped to next month.',
      },
    ],
  },
  {
    key: 'support',
    title: 'Cut support load',
    description: 'Customers solve problems themselves, and fewer problems happen.',
    weight: 1,
    keyResults: [
      {
        title: 'Tickets per 1,000 accounts',
        metricType: 'number',
        start: 40,
        target: 25,
        unit: 'tickets',
        weight: 1,
        pace: 0.9,
        lastNote: 'Billing FAQ cut billing tickets.',
      },
      {
        title: 'Median first response time',
        metricType: 'number',
        start: 9,
        target: 4,
        unit: 'h',
        weight: 1,
        pace: 0.3,
        lastNote: 'Two agents out; queue grew.',
      },
    ],
  },
  {
    key: 'platform',
    title: 'Make the platform enterprise-ready',
    description: 'Large customers can adopt Keyline without exceptions from security.',
    weight: 1,
    keyResults: [
      {
        title: 'SSO and SCIM shipped',
        metricType: 'milestone',
        start: 0,
        target: 1,
        unit: '',
        weight: 1,
        pace: 0.5,
        lastNote: 'SCIM in review.',
      },
      {
        title: 'API p99 latency',
        metricType: 'number',
        start: 800,
        target: 300,
        unit: 'ms',
        weight: 1,
        pace: 1.1,
        lastNote: 'Query cache landed.',
      },
    ],
  },
  {
    key: 'onboarding',
    title: 'Faster onboarding',
    description: 'New workspaces reach their first aligned backlog in a day.',
    team: 'Growth',
    parent: 'grow',
    weight: 1,
    keyResults: [
      {
        title: 'Workspaces activated within 7 days',
        metricType: 'percent',
        start: 35,
        target: 55,
        unit: '%',
        weight: 2,
        pace: 0.9,
        lastNote: 'Checklist shipped to 50%.',
      },
      {
        title: 'Onboarding steps',
        metricType: 'number',
        start: 12,
        target: 6,
        unit: 'steps',
        weight: 1,
        pace: 1,
        lastNote: 'Import moved into step one.',
      },
    ],
  },
  {
    key: 'help-center',
    title: 'A help center that answers',
    description: 'The help center resolves the questions we get most.',
    team: 'Support Experience',
    parent: 'support',
    weight: 1,
    keyResults: [
      {
        title: 'Help-center deflection rate',
        metricType: 'percent',
        start: 10,
        target: 30,
        unit: '%',
        weight: 1,
        pace: 0.4,
        lastNote: 'Search quality is the blocker.',
      },
      {
        title: 'Articles rewritten',
        metricType: 'number',
        start: 0,
        target: 120,
        unit: 'articles',
        weight: 1,
        pace: 1,
        lastNote: 'On plan.',
      },
    ],
  },
  {
    key: 'reliability',
    title: 'Reliable infrastructure',
    description: 'Fewer incidents, faster recovery.',
    team: 'Platform',
    parent: 'platform',
    weight: 1,
    keyResults: [
      {
        title: 'Monthly uptime',
        metricType: 'percent',
        start: 99.5,
        target: 99.95,
        unit: '%',
        weight: 1,
        pace: 0.8,
        lastNote: 'One regional outage.',
      },
      {
        title: 'Incidents per month',
        metricType: 'number',
        start: 6,
        target: 2,
        unit: 'incidents',
        weight: 1,
        pace: 0.7,
        lastNote: 'Paging noise down.',
      },
    ],
  },
];

interface ItemTheme {
  label: string;
  verbs: string[];
  subjects: string[];
  why: string;
  /** Indexes into this quarter's KRs in the order above (0–11); empty = unaligned work. */
  krIndexes: number[];
}

export const ITEM_THEMES: ItemTheme[] = [
  {
    label: 'pricing',
    verbs: ['Test', 'Redesign', 'Simplify'],
    subjects: ['pricing page', 'plan comparison table', 'annual plan upsell', 'checkout flow', 'trial expiry email'],
    why: 'Converts more trials to paid plans',
    krIndexes: [0, 1],
  },
  {
    label: 'onboarding',
    verbs: ['Add', 'Shorten', 'Guide'],
    subjects: [
      'onboarding checklist',
      'sample workspace',
      'CSV import in step one',
      'invite teammates step',
      'first-objective wizard',
    ],
    why: 'Gets new workspaces to value sooner',
    krIndexes: [6, 7],
  },
  {
    label: 'support',
    verbs: ['Write', 'Automate', 'Fix'],
    subjects: [
      'billing FAQ',
      'ticket auto-triage',
      'password reset flow',
      'in-app help widget',
      'macro for refund requests',
    ],
    why: 'Fewer tickets reach the support queue',
    krIndexes: [2, 3],
  },
  {
    label: 'help-center',
    verbs: ['Rewrite', 'Improve', 'Index'],
    subjects: [
      'help-center search',
      'getting-started articles',
      'integration guides',
      'article feedback buttons',
      'video walkthroughs',
    ],
    why: 'The help center answers before a ticket is filed',
    krIndexes: [8, 9],
  },
  {
    label: 'enterprise',
    verbs: ['Ship', 'Harden', 'Add'],
    subjects: [
      'SAML single sign-on',
      'SCIM provisioning',
      'audit log export',
      'data residency option',
      'role-based permissions',
    ],
    why: 'Security reviews at large customers pass',
    krIndexes: [4],
  },
  {
    label: 'performance',
    verbs: ['Speed up', 'Cache', 'Profile'],
    subjects: ['backlog list query', 'dashboard endpoint', 'search indexing', 'report generation', 'API pagination'],
    why: 'Pages and API calls answer faster',
    krIndexes: [5],
  },
  {
    label: 'reliability',
    verbs: ['Add', 'Automate', 'Reduce'],
    subjects: [
      'database failover drill',
      'alert deduplication',
      'canary deploys',
      'runbook for queue backlog',
      'error budget report',
    ],
    why: 'Fewer incidents and faster recovery',
    krIndexes: [10, 11],
  },
  {
    label: 'polish',
    verbs: ['Add', 'Refresh', 'Tweak'],
    subjects: ['dark mode', 'custom avatars', 'emoji reactions', 'confetti on goal completion', 'theme colours'],
    why: 'Nice to have; nobody asked for it this quarter',
    krIndexes: [],
  },
  {
    label: 'internal',
    verbs: ['Migrate', 'Upgrade', 'Clean up'],
    subjects: ['build tooling', 'test fixtures', 'legacy settings page', 'logging library', 'old feature flags'],
    why: 'Engineering hygiene',
    krIndexes: [],
  },
];
