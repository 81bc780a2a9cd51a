/** English text of every message code (src/shared/messages.ts); the Vietnamese is src/shared/messages-vi.ts. */
import type { Message, MessageTexts } from '../../shared/messages';

/** 'yyyy-mm' as the screens write a month: mm/yyyy. */
const monthEn = (m: string | number) => String(m).split('-').reverse().join('/');
const CHANGE_EN: Record<string, string> = {
  adjust: 'adjust',
  stop: 'stop',
  suspend: 'suspend',
  resume: 'resume',
  'move-out': 'stop on moving out',
};
const STATE_EN: Record<string, string> = {
  active: 'being paid',
  suspended: 'suspended',
  stopped: 'stopped',
  none: 'not yet granted',
};
const label = (name: string | number) => messagesEn.labels[name as keyof MessageTexts['labels']] ?? String(name);

export const messagesEn: MessageTexts = {
  messages: {
    text: (p) => String(p.text),
    issues: (_, x) => x.issues,

    'field.communeCode': () => 'A commune code has 5 digits',
    'field.citizenId': () => 'A citizen ID has exactly 12 digits',
    'field.phone': () => 'Not a valid phone number (for example 0912345678)',
    'field.uuid': () => 'Not a valid code',
    'field.partialDate': () => 'Write the date as dd/mm/yyyy, or the year only',
    'field.date': () => 'Write the date as dd/mm/yyyy',
    'field.unstorable': (p) => `${label(p.label)} holds characters that cannot be stored (NUL or broken encoding)`,
    'field.tooLong': (p) => `${label(p.label)} is longer than ${p.max} characters`,
    'field.required': (p) => `Enter the ${label(p.label).toLowerCase()}`,
    'field.controlChars': (p) => `${label(p.label)} holds control characters`,
    'field.money': () => 'Enter an amount',
    'field.moneyInteger': () => 'The amount must be a whole number',
    'field.notNegative': () => 'Must not be negative',
    'field.floorArea': () => 'Enter the floor area',
    'field.number': () => 'Enter a number',
    'field.integer': () => 'Must be a whole number',
    // The bound written as the app reads a typed number (thousands with dots), in every language.
    'field.atMost': (p) => `Must not be more than ${Number(p.max).toLocaleString('vi-VN')}`,
    'field.choose': () => 'Choose one of the answers',
    'field.month': () => 'Enter a month (mm/yyyy)',
    'allowance.form': () => 'Choose the application form',
    'change.reason': () => 'The reason is not one of the change chosen',
    'change.deathDate': () => 'Enter the date of death',
    'change.toCommune': () => 'Choose the commune moved to',
    'household.area': () => 'The area is rural or urban',
    'household.headName': () => "Enter the head of household's full name",
    'household.village': () => 'Enter the village or residential group',
    'member.fullName': () => 'Enter the full name',
    'member.sex': () => 'Choose the sex',
    'member.relation': () => 'Choose the relation to the head of household',
    'member.ethnicity': () => 'Choose the ethnic group',
    'distribution.round': () => 'Enter the relief round',
    'distribution.quantity': () => 'The quantity must not be negative',
    'distribution.voidReason': () => 'Enter the reason for voiding',
    'emergency.type': () => 'Choose the type of event',
    'emergency.villages': () => 'Choose at least one village',
    'damage.members': () => 'A household has at least 1 person',
    'round.items': () => 'Add at least one kind of item',
    'attachment.hash': () => 'Not a valid file code',
    'attachment.tooLarge': () => 'The image is too large (300 KB at most)',
    'protocol.tooManyFields': (p) => `More than ${p.max} fields in one change`,
    'protocol.stampControl': () => 'The time stamp holds control characters',
    'login.username': () => 'Enter the username',
    'login.usernameInvalid': () => 'The username holds characters that are not allowed',
    'login.password': () => 'Enter the password',
    'json.notObject': () => 'Must be a data object',
    'json.invalid': (p, x) => `Invalid data: ${x.say({ code: p.problem as Message['code'], params: p })}`,
    'json.badNumber': () => 'not a valid number',
    'json.stringTooLong': (p) => `a text longer than ${p.max} characters`,
    'json.tooDeep': (p) => `nested deeper than ${p.max} levels`,
    'json.tooManyItems': (p) => `a list of more than ${p.max} items`,
    'json.notJson': () => 'not JSON data',
    'json.tooManyKeys': (p) => `more than ${p.max} keys in one object`,
    'json.keyTooLong': (p) => `a key longer than ${p.max} characters`,
    'json.unsafeKey': () => 'a key holds control characters or broken encoding',
    'json.tooLarge': (p) => `data larger than ${messagesEn.number(Number(p.kb))} KB`,
    'key.empty': () => 'Empty field name',
    'key.tooLong': (p) => `Field name longer than ${p.max} characters`,
    'key.unsafe': () => 'The field name holds control characters or broken encoding',
    'clock.futureDate': (p) =>
      `${label(p.label)} is in the future: ${p.date}. The tablet's clock may be wrong — set the device's date and time, then enter it again.`,
    'survey.income': () => 'Enter the income',
    // Issue 11, data entry.
    'date.notOnCalendar': () => 'This day does not exist (e.g. 31/02): check the day and the month',
    'date.beforeEarliest': (p) => `The year must be ${p.year} or later`,
    'date.typedInFuture': (p) => `${label(p.label)} is in the future: ${p.date}. Check the year.`,
    'village.status': () => 'A village is either "on the list" or "other (for review)"',
    'reject.createOnlyAs': (p) =>
      `The role ${messagesEn.roles[p.role as keyof MessageTexts['roles']] ?? p.role} may add a ${messagesEn.kinds[p.kind as keyof MessageTexts['kinds']] ?? p.kind} only as "other (for review)"; the commune officer confirms it.`,

    'reject.outOfScope': () => 'This record belongs to a commune you are not assigned to.',
    'http.reportsNotPermitted': (p) =>
      `The role ${messagesEn.roles[p.role as keyof MessageTexts['roles']] ?? p.role} may not read summary reports.`,
    'http.payrollNotPermitted': (p) =>
      `The role ${messagesEn.roles[p.role as keyof MessageTexts['roles']] ?? p.role} may not read the payroll.`,
    'http.communeNotAssigned': () => 'This commune is not assigned to you.',
    'payroll.officerOnly': (p) =>
      `The role ${messagesEn.roles[p.role as keyof MessageTexts['roles']] ?? p.role} may not approve, lock or reopen a payroll; only a commune officer may.`,
    'payroll.listChanged': () =>
      'The list has changed since you opened it (a new decision). Look at it again, then approve.',
    'payroll.earlierNotLocked': (p) =>
      `Lock the list of ${monthEn(p.month)} first: each month is made on the locked list of the month before.`,
    'payroll.alreadyApproved': () => "This month's list is already approved.",
    'payroll.notApproved': () =>
      'The list is not approved by the commune officer yet: approve it, then the chairman locks it.',
    'payroll.changedSinceApproval': () =>
      'The records have changed since the approval (a new decision): look at the list again and approve it again before locking.',
    'payroll.locked': () => "This month's list is locked: it changes only when reopened, with a reason.",
    'payroll.laterMonthKept': (p) => `The list of ${monthEn(p.month)} was made on this one: reopen that month first.`,
    'payroll.returnsRecorded': () => "The payer's returns are recorded on this list: it cannot be reopened.",
    'payroll.notLocked': () => 'Returns are recorded only on a locked list.',
    'payroll.nothingToReopen': () => "This month's list is neither approved nor locked: there is nothing to reopen.",
    'reject.notPermitted': (p) =>
      `The role ${messagesEn.roles[p.role as keyof MessageTexts['roles']] ?? p.role} may not ${messagesEn.actions[p.action as keyof MessageTexts['actions']] ?? p.action} ${messagesEn.kinds[p.kind as keyof MessageTexts['kinds']] ?? p.kind}.`,
    'reject.caseStatus': (p) =>
      `The record is "${messagesEn.statuses[p.status as keyof MessageTexts['statuses']] ?? p.status}"; it can no longer be ${COMMANDS_EN[String(p.command)] ?? p.command}.`,
    'reject.commentNeeded': () => 'Give the reason.',
    'reject.invalidChange': (_, x) => `Invalid change — ${x.issues}`,
    'reject.invalidHandout': (_, x) => `Invalid handout — ${x.issues}`,
    'reject.invalidVoid': (_, x) => `Invalid void request — ${x.issues}`,
    'reject.invalidData': (_, x) => `Invalid data — ${x.issues}`,
    'reject.invalidSurvey': (_, x) => `Invalid poverty review — data.${x.issues}`,
    'reject.communeNotAssigned': (p) => `You are not assigned to the commune with code ${p.commune}.`,
    'reject.handoutHouseholdMissing': () =>
      'The receiving household is not found in this commune; sync again or put the household on the list first.',
    'reject.alreadyVoided': () => 'This handout was already voided.',
    'reject.caseDeleted': () => 'The record was deleted.',
    'reject.idOfOtherType': (p) => `The code ${p.id} is already used by a record of another kind.`,
    'reject.deletedOnServer': () => 'The record was deleted on the server; this change was not applied.',
    'reject.fieldNotEditable': (p) => `The field "${p.field}" cannot be changed.`,
    'reject.tooManyCandidates': (p) =>
      `The field "${p.field}" has ${p.count} values waiting for the commune officer's decision; wait for it, then edit again.`,
    'reject.caseLocked': () =>
      'The record was sent for approval: it can be edited only once the commune officer returns it.',
    'reject.householdMissing': () => "This record's household is not found in the commune; sync again, then try again.",
    'reject.personMissing': () => "This record's person is not found in the commune; sync again, then try again.",
    'reject.conflictResolved': () => 'This conflict was already settled.',
    'reject.conflictRecordGone': () => "The conflict's record is gone; the decision cannot be applied.",
    'reject.moveNotByConflict': () =>
      'A move to another commune or household is not decided through a conflict; edit the record itself.',
    'reject.duplicateDecision': () => 'Choose "it is a duplicate" or "not a duplicate".',
    'reject.duplicateNotFound': () => 'This possible duplicate is not found.',
    'reject.duplicateMerged': () =>
      'This group of possible duplicates was merged into another group; look at the new group.',
    'reject.duplicateDecided': () => 'This possible duplicate was already decided.',
    'reject.duplicateGrew': () =>
      'This group of possible duplicates has just gained a record; look again, then decide.',
    'reject.duplicateKeep': () =>
      'The record chosen to stay is no longer in this group of possible duplicates; look again.',
    'reject.surveyHouseholdMissing': () => "The poverty review's household is not found.",
    'reject.surveyUnclassifiable': (p) => `The poverty review cannot be classified: ${p.error}`,
    'reject.decisionBeforeFiling': (p) =>
      `The first month paid (${monthEn(p.startMonth)}) is before the month the application was filed (${monthEn(p.filedMonth)}).`,
    'reject.decisionDiffers': (p) =>
      `The rules give: coefficient ${Number(p.coefficient).toLocaleString('en-GB')}, ${Number(p.amount).toLocaleString('en-GB')} VND/month; give the reason if the decision differs.`,
    'reject.decisionNoCategory': () =>
      'By the rules the application qualifies for no category of its form; give the reason if the decision differs.',
    'reject.decisionCategoryOfForm': (p) => `The decision's category is not one of form ${p.form}.`,
    'reject.decisionActive': (p) =>
      `This person already has decision no. ${p.number} in force for the same category; a second is not recorded.`,
    'reject.postingNoCalendar': (p) =>
      `There is no holiday calendar for ${p.year} yet: the posting period cannot be counted; tell the administrator.`,
    'reject.changeGrantMissing': () => 'No allowance decision of this person was found to change.',
    'reject.changeNotApplicable': (p) =>
      `Cannot ${CHANGE_EN[String(p.change)] ?? p.change} from ${monthEn(p.month)}: the allowance is then ${STATE_EN[String(p.state)] ?? p.state}.`,
    'reject.changeBeforeGrant': (p) =>
      `The month of the change (${monthEn(p.month)}) is before the allowance began (${monthEn(p.startMonth)}).`,
    'reject.changeDeathMonth': (p) => `A stop on death runs from the month after it: ${monthEn(p.month)}.`,
    'reject.changeFigures': () => 'An adjustment decision names the category, coefficient and amount.',
    'reject.schemaTooNew': () => 'The change was written by an app newer than the server; tell the administrator.',
    'reject.schemaTooOld': () => 'The change was written by an app too old to convert; enter it again.',

    'sync.unreadableAnswer': (p) => `HTTP ${p.status}: the answer could not be read`,
    'sync.invalidAnswer': () => "The server's answer is not valid",
    'sync.httpStatus': (p) => `HTTP ${p.status}`,
    'sync.gap': (p) => `The server is waiting for change number ${p.expected}; tell the administrator.`,
    'sync.tooManyTrips': () => 'Too many sync round trips; will try again later.',
    'sync.quota': () =>
      'The device storage is full: sync is paused and everything entered is kept. Free some space (delete photos, unused apps), then press "Sync now".',

    'setAside.badFormat': (_, x) => `Data not in the expected format — ${x.issues}`,
    'setAside.storeFailed': (p) =>
      `The device could not store the record: ${messagesEn.storeErrors[p.error as keyof MessageTexts['storeErrors']] ?? messagesEn.storeErrors.unknown}`,
    'db.conflictNotFound': () => 'The conflict is not on this device',

    'http.unsupportedEncoding': (p) => `Compression "${p.encoding}" is not supported.`,
    'http.tooLargeUnzipped': () => 'The request is too large once decompressed.',
    'http.badGzip': () => 'The gzip-compressed content is broken.',
    'http.badJson': () => 'The request content is not valid JSON.',
    'http.attachmentsRateLimited': () =>
      'Images sent too fast; the app goes on by itself in a few minutes, the images stay on the device.',
    'http.noAttachments': () => 'The server does not take attachments.',
    'http.attachmentMetaMissing': () => 'The attachment description (X-Attachment) is missing.',
    'http.attachmentHashMismatch': () => 'The file code does not match its description.',
    'http.rangeMissing': () => 'Content-Range is missing: bytes a-b/total.',
    'http.imageTooLarge': () => 'The image is too large (300 KB at most).',
    'http.rangeOutside': () => 'Invalid Content-Range: the part lies outside the declared size.',
    'http.attachmentRecordMissing': () =>
      "This file's record is not on the server yet or not in your commune; the app sends it again after the data syncs.",
    'http.receiptsOnlyForHandouts': () => 'Only handouts and allowance applications have images.',
    'http.chunkLength': () => 'The length of the part does not match Content-Range.',
    'http.uploadCorrupt': () =>
      'The file received is broken (its code does not match); the app sends it again from the start.',
    'http.noSuchFile': () => 'No such file.',
    'http.sessionExpired': () => 'The session has expired or is not valid. Please sign in again.',
    'http.loginBusy': () => 'The server is busy with many sign-ins. Please try again in a few seconds.',
    'http.wrongLogin': () => 'Wrong username or password.',
    'http.loginLocked': (p) => {
      const seconds = Number(p.seconds);
      const wait = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
      return `Too many failed sign-ins. Please try again in ${wait} (at ${p.at}).`;
    },
    'http.syncRateLimited': () => 'Syncing too fast; the app tries again by itself in a few minutes.',
    'http.appTooOld': () =>
      'The app is too old. Update it (reload the page while online); changes not yet sent are kept.',
    'http.serverTooOld': () => 'The server is older than the app; ask the administrator to update the server.',
    'http.requestTooLarge': () => 'The request is too large; the app sends it in smaller parts.',
    'http.noSuchAddress': () => 'No such address.',
    'http.queueOfOtherUser': () =>
      'The queue on this device belongs to another account. Sign in with that account to send it.',
    'http.storageUnavailable': () => 'The server cannot store data for the moment; the app sends again later.',
    'http.serverError': () => 'Server error; the app sends again later.',
    // Relief (issue 11)
    'distribution.quantityPositive': () => 'The quantity must be more than 0',
    'distribution.toWhom': () => 'Choose the household receiving it',
    'distribution.receiptOrReason': () =>
      'A signature, a photo of the signed list, or the reason there is none is needed',
    'distribution.followUpReceipt': () =>
      'Household not registered yet: a signature or a photo of the signed list is needed',
    'distribution.followUpIdentity': () =>
      "Household not registered yet: enter the recipient's CCCD or a witness's name",
    'reject.handoutDamageMissing': () => 'The damaged household was not found in this commune',

    // Issue 11, search and lists / status and messages.
    'sync.noConnection': () =>
      'No connection to the server. Everything entered is kept on this device and is sent when the network is back.',

    // Issue 11, device: a number as typed, in its unit (kg, VND, item, m2, count).
    'quantity.empty': (p) =>
      p.unit === 'VND'
        ? 'Enter the amount'
        : p.unit === 'm2'
          ? 'Enter the floor area'
          : p.unit === 'count'
            ? 'Enter a number (0 if none)'
            : p.unit === 'coefficient'
              ? 'Enter the coefficient'
              : 'Enter the quantity',
    'quantity.malformed': (p) =>
      p.unit === 'coefficient'
        ? 'This is not a coefficient the app can read: digits only, decimals after a comma (for example 1,5 or 2)'
        : p.unit === 'kg' || p.unit === 'm2'
          ? `This is not a number the app can read: digits only, decimals after a comma (for example ${p.unit === 'kg' ? '1250 or 12,5' : '24 or 24,5'})`
          : p.unit === 'count'
            ? 'This is not a number the app can read: digits only (for example 3)'
            : `This is not a number the app can read: digits only, thousands grouped with dots (for example ${p.unit === 'VND' ? '1.000.000' : '1.200'})`,
    'quantity.whole': (p) =>
      p.unit === 'VND'
        ? 'An amount is a whole number of dong, with no decimals; thousands are grouped with dots (for example 1.000.000)'
        : p.unit === 'count'
          ? 'A whole number, with no decimals (for example 3)'
          : 'A number of items is whole, with no decimals; thousands are grouped with dots (for example 1.200)',
    'quantity.ambiguous': (p) =>
      `"${p.text}" could be ${p.thousands} or ${p.decimal}: write ${p.thousands} or ${p.decimal}`,
    'quantity.oneDecimal': (p) =>
      `Only one digit after the decimal comma (for example ${p.unit === 'm2' ? '24,5' : '2,5'})`,
    'quantity.tooLarge': () => 'The number is too large to be recorded exactly: check it',
    // Issue 11, server checks.
    'reject.damageHouseholdMissing': () =>
      'The household linked to this damage entry is not in the commune (deleted, or of another commune); sync again, then choose the household again.',
    'reject.villageNotListed': (p) =>
      `The village “${p.village}” is not on the commune's list of villages. Sync again, then pick a village from the list or add it under “Other (specify)”.`,
    // Issue 13, the payer's returned list.
    'returns.tooLarge': (p) => `The file is too large (over ${p.mb} MB).`,
    'returns.tooManyRows': (p) => `The file has too many rows (over ${Number(p.max).toLocaleString('en-GB')}).`,
    'returns.empty': () => 'The file has no rows.',
    'returns.fileType': () => 'Only XLSX or CSV files are accepted.',
    'returns.unreadable': () => 'The file cannot be read: it is not a valid XLSX or CSV (UTF-8) file.',
    'returns.missingColumn': (p) =>
      `The column ${p.column === 'status' ? 'of paid or not paid (“Da nhan”, “Trang thai” or “Ket qua”)' : p.column === 'amount' ? 'of the amount (“So tien”)' : 'of the line number (“STT”, “Dong”) or citizen ID (“So CCCD”)'} is missing.`,
    'returns.badLine': (p) => `The line number “${p.text}” cannot be read.`,
    'returns.badCitizenId': (p) => `The citizen ID “${p.text}” cannot be read (12 digits).`,
    'returns.badStatus': (p) =>
      p.text
        ? `The status “${p.text}” cannot be read (write “da nhan” or “chua nhan”, or paid or unpaid).`
        : 'Paid or not paid is not given.',
    'returns.badAmount': (p) => `The amount “${p.text}” cannot be read.`,
    'returns.badDate': (p) => `The date “${p.text}” cannot be read (dd/mm/yyyy).`,
    'returns.futureDate': (p) => `The date paid ${p.date} is in the future.`,
    'returns.lineUnknown': (p) => `The list has no line ${p.line}.`,
    'returns.lineOtherPerson': (p) => `The citizen ID ${p.citizenId} is not that of the person on line ${p.line}.`,
    'returns.citizenIdNotListed': (p) => `The citizen ID ${p.citizenId} is not on the list.`,
    'returns.citizenIdAmbiguous': (p) => `The citizen ID ${p.citizenId} is on lines ${p.lines}: give the line number.`,
    'returns.noLineOrCitizenId': () => 'No line number or citizen ID.',
    'returns.lineReturnedAgain': (p) => `Line ${p.line} is returned again on row ${p.rows} of the file.`,
    'returns.lineRepeats': (p) => `Line ${p.line} was already returned on row ${p.row} of the file.`,
    'returns.amountMissing': (p) => `Line ${p.line} is paid but no amount is given.`,
    'returns.amountDiffers': (p) =>
      `Line ${p.line}: the amount paid, ${Number(p.amount).toLocaleString('en-GB')} VND, differs from the list's ${Number(p.total).toLocaleString('en-GB')} VND.`,
  },
  labels: {
    headName: "Head of household's full name",
    village: 'Village or residential group',
    address: 'Address',
    notes: 'Notes',
    fullName: 'Full name',
    round: 'Relief round',
    itemName: 'Item name',
    recipient: 'Recipient',
    relation: 'Relation',
    reason: 'Reason',
    description: 'Description',
    damageVillage: 'Village',
    donor: 'Donor',
    roundName: 'Round name',
    handedOutAt: 'Handout time',
    emergencyDate: 'Date of the event',
    assessedOn: 'Date of the damage assessment',
    roundDate: 'Date of the relief round',
    reviewDate: 'Review date',
    filedOn: 'Date filed',
    proposedOn: 'Date proposed',
    eventOn: 'Date it happened',
    // Issue 11, data entry.
    birthDate: 'Date of birth',
    disabilityCertifiedOn: 'Date the disability level was certified',
    // Relief (issue 11)
    witness: 'Witness',
    noReceiptReason: 'Reason there is no signature',
    // Issue 11, device names.
    deviceName: 'Name of this device',
    issuedBy: 'Issued by',
    livesWith: 'Lives with whom, where',
    certificateNo: 'Certificate number',
    decisionNumber: 'Decision number',
    signer: 'Signed by',
    signedOn: 'Date signed',
  },
  roles: {
    collaborator: 'collaborator',
    village_head: 'village head',
    commune_officer: 'commune officer',
    province_staff: 'province staff',
    admin: 'system administrator',
  },
  actions: {
    create: 'create',
    edit: 'edit',
    delete: 'delete',
    submit: 'send for approval',
    decide: 'verify or approve',
    resolve: 'decide on',
  },
  kinds: {
    household: 'a household',
    member: 'a member',
    case: 'a case',
    emergency: 'an emergency',
    damage: "a household's damage",
    relief_round: 'a relief round',
    distribution: 'a handout',
    distribution_void: 'a void',
    conflict: 'a data conflict',
    duplicate: 'a possible duplicate',
    village: 'village',
  },
  statuses: {
    draft: 'draft',
    submitted: 'sent',
    verified: 'verified',
    posted: 'posted publicly',
    approved: 'approved',
    rejected: 'rejected',
    returned: 'returned',
  },
  duplicateReasons: {
    'citizen-id': 'same citizen ID',
    'name-birth-year-village': 'same name, birth year and village',
    'name-birth-year': 'same name and birth year',
    'head-name-village': 'same head of household and village',
  },
  storeErrors: {
    DataCloneError: 'data of a shape the browser cannot copy',
    DataError: 'data with an invalid key',
    RangeError: 'data nested too deep',
    unknown: 'unknown error',
  },
  number: (n) => n.toLocaleString('en-GB'),
};

const COMMANDS_EN: Record<string, string> = {
  submit: 'sent',
  verify: 'verified',
  post: 'posted',
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};
