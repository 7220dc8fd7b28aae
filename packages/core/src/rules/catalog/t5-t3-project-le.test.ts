import { testRule } from '../rule-tester.ts';
import { describeT5T3 } from '../t5-t3-testing.ts';
import { cases } from './t5-t3-project-le.cases.ts';
import { rule } from './t5-t3-project-le.ts';

describeT5T3({ rule, column: 'project', columnWords: '项目支出', reportsUnlisted: false });

testRule(cases);
