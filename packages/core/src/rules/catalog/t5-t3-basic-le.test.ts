import { testRule } from '../rule-tester.ts';
import { describeT5T3 } from '../t5-t3-testing.ts';
import { cases } from './t5-t3-basic-le.cases.ts';
import { rule } from './t5-t3-basic-le.ts';

describeT5T3({ rule, column: 'basic', columnWords: '基本支出', reportsUnlisted: false });

testRule(cases);
