import { testRule } from '../rule-tester.ts';
import { describeT5T3 } from '../t5-t3-testing.ts';
import { cases } from './t5-t3-item-le.cases.ts';
import { rule } from './t5-t3-item-le.ts';

describeT5T3({ rule, column: 'total', columnWords: '本年支出合计', reportsUnlisted: true });

testRule(cases);
