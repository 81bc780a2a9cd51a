import { it } from 'vitest';
import { allowanceApplication, LY_SON } from '../../../tests/support/fixtures';
import { beneficiaryRegister } from './register';
it('bench', () => {
  const grants = Array.from({ length: 400 }, (_, i) => ({
    id: `g${i}`,
    communeCode: LY_SON,
    subjectId: `m${i}`,
    status: 'approved' as const,
    application: allowanceApplication({
      applicant: { ...allowanceApplication().applicant, birthDate: `19${40 + (i % 25)}-0${1 + (i % 9)}-15` },
    }),
    sensitive: undefined,
    idCheck: undefined,
    posting: undefined,
    refusal: undefined,
    history: [],
    version: 1,
    decision: {
      number: `${i}/QĐ`,
      signedOn: '2022-03-10',
      signer: 'x',
      categoryCode: 'elderly-poor-no-supporter-60-to-80',
      coefficient: 1.5,
      amount: 540000,
      startMonth: '2022-03',
    },
  }));
  const words = { lang: 'vi' as const, neutralCategory: 'n', neutralForm: 'f' };
  const t0 = performance.now();
  const r = beneficiaryRegister(grants as never, [], '2026-12', words);
  console.log('register 400 grants ms', Math.round(performance.now() - t0), r.count);
});
