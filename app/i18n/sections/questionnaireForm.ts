import { type Widen } from "../widen";

/** The public questionnaire form candidates fill (per-candidate and open links) and the privacy policy page (Russian first; English is typed by it). */
export const ru = {
  title: "Анкета кандидата",
  greeting: "Здравствуйте, {{name}}!",
  greetingAnonymous: "Здравствуйте!",
  intro: "Ответьте, пожалуйста, на вопросы о вашем опыте — это займёт около 10 минут. Пока вы не отправили анкету, ответы сохраняются на этом устройстве: их можно закрыть и дописать позже.",
  vacancy: "Вакансия: {{title}}",
  validUntil: "Ссылка действует до {{date}}.",
  requiredNote: "Вопросы со звёздочкой (*) обязательны.",
  required: "обязательный вопрос",
  yes: "Да",
  no: "Нет",
  scaleLow: "1 — совсем нет",
  scaleHigh: "5 — отлично",
  rub: "₽",
  numberHint: "Цифрами, например 150 000.",
  dateHint: "Выберите дату или введите её в виде ГГГГ-ММ-ДД.",
  consentTitle: "Согласие на обработку персональных данных",
  consentText:
    "Я даю согласие на обработку моих персональных данных, указанных в этой анкете (имя, контакты и ответы на вопросы), для рассмотрения моей кандидатуры на эту и другие вакансии компании в соответствии с Политикой конфиденциальности (версия {{version}}). Согласие действует, пока я его не отзову; отозвать его можно ответом на любое наше письмо.",
  consentLabel: "Я согласен(на) на обработку моих персональных данных",
  privacyLink: "Политика конфиденциальности",
  submit: "Отправить анкету",
  submitting: "Отправляем…",
  draftRestored: "Мы восстановили ответы, которые вы начали вводить на этом устройстве.",
  versionChanged: "Пока вы заполняли анкету, вопросы изменились. Ваши ответы сохранены — проверьте их и отправьте анкету ещё раз.",
  errors: {
    consentRequired: "Чтобы отправить анкету, подтвердите согласие на обработку персональных данных.",
    consentChanged: "Текст согласия обновился, пока анкета была открыта. Прочитайте его и отметьте согласие ещё раз.",
    fixBelow: "Проверьте ответы: в некоторых есть ошибки, они отмечены ниже.",
    tooMany: "С этого адреса пришло слишком много анкет. Попробуйте через час.",
  },
  thanksTitle: "Спасибо, анкета отправлена",
  thanks: "Мы получили ваши ответы по вакансии «{{title}}». Рекрутер свяжется с вами, когда рассмотрит анкету.",
  answeredTitle: "Вы уже ответили на анкету",
  answered: "Ваши ответы по вакансии «{{title}}» уже у нас — спасибо! Заполнять анкету ещё раз не нужно.",
  expiredTitle: "Срок действия ссылки истёк",
  expired: "Ссылка на анкету по вакансии «{{title}}» больше не действует. Попросите вашего рекрутера прислать новую ссылку — ответьте на письмо или позвоните.",
  notFoundTitle: "Анкета не найдена",
  notFound: "Ссылка неверна или больше не действует. Проверьте, что адрес скопирован целиком, или попросите рекрутера прислать новую ссылку.",
  tooLargeTitle: "Анкета слишком большая",
  tooLarge: "Мы принимаем анкеты до {{max}} КБ. Ничего не сохранено: вернитесь к анкете — то, что вы вводили, осталось на этом устройстве.",
  backToForm: "Вернуться к анкете",
  open: {
    title: "Анкета на вакансию",
    intro: "Расскажите о себе и ответьте на вопросы — так мы быстрее поймём, подходит ли вам эта работа.",
    personLegend: "О вас",
    contactHint: "Укажите эл. почту или телефон — хотя бы одно, чтобы мы могли ответить.",
    honeypot: "Не заполняйте это поле",
    thanks: "Мы получили вашу анкету по вакансии «{{title}}». Рекрутер свяжется с вами, когда рассмотрит её.",
  },
  /** Written into the stage history (always in Russian, like the rest of the history). */
  stage: {
    rejected: "Анкета: {{reasons}}",
    passed: "Анкета пройдена, балл {{score}} из 100",
  },
  privacy: {
    title: "Политика конфиденциальности",
    version: "Версия текста: {{version}}",
    intro:
      "Эта политика объясняет, какие персональные данные кандидатов обрабатывает компания-работодатель, которая ведёт подбор через этот сайт, зачем и как долго, и как вы можете ими распоряжаться.",
    sections: {
      controllerTitle: "Кто обрабатывает данные",
      controller:
        "Оператор персональных данных — компания-работодатель, открывшая вакансию. Данные видят только её сотрудники, которые ведут подбор: рекрутеры, нанимающие менеджеры и руководители отделов. Мы не продаём и не передаём ваши данные другим компаниям.",
      dataTitle: "Какие данные",
      data:
        "То, что вы сообщили сами (в отклике, анкете, письме или по телефону) или что опубликовали в резюме на сайтах поиска работы: имя, контакты, город, опыт работы, ожидания по зарплате, ответы на вопросы анкеты, а также история общения с вами.",
      purposeTitle: "Зачем",
      purpose:
        "Только для подбора персонала: чтобы рассмотреть вашу кандидатуру на эту и другие вакансии компании, связаться с вами, пригласить на собеседование и принять решение. Ответы анкеты сравниваются с требованиями вакансии.",
      basisTitle: "На каком основании",
      basis:
        "Ваше согласие, которое вы даёте, отправляя отклик или анкету (Федеральный закон № 152-ФЗ «О персональных данных»). Без согласия мы не принимаем анкету.",
      storageTitle: "Где и сколько хранятся",
      storage:
        "Данные хранятся на серверах в России, пока действует ваше согласие или пока идёт подбор, для которого они нужны. Неподтверждённые загрузки резюме удаляются через 7 дней.",
      rightsTitle: "Ваши права",
      rights:
        "Вы можете узнать, какие данные о вас есть, исправить их, отказаться от писем (ссылка «отписаться» есть в каждом письме), отозвать согласие или попросить удалить данные. Для этого достаточно ответить на любое наше письмо или сказать рекрутеру. Удалённые данные не восстанавливаются.",
    },
  },
};

export const en: Widen<typeof ru> = {
  title: "Candidate questionnaire",
  greeting: "Hello, {{name}}!",
  greetingAnonymous: "Hello!",
  intro: "Please answer a few questions about your experience — it takes about 10 minutes. Until you send the questionnaire, your answers are kept on this device: you can close it and finish later.",
  vacancy: "Vacancy: {{title}}",
  validUntil: "The link is valid until {{date}}.",
  requiredNote: "Questions marked with an asterisk (*) are required.",
  required: "required question",
  yes: "Yes",
  no: "No",
  scaleLow: "1 — not at all",
  scaleHigh: "5 — excellent",
  rub: "RUB",
  numberHint: "In figures, e.g. 150,000.",
  dateHint: "Pick a date or type it as YYYY-MM-DD.",
  consentTitle: "Consent to the processing of personal data",
  consentText:
    "I consent to the processing of the personal data I give in this questionnaire (name, contacts and answers) to consider me for this and other vacancies of the company, under the Privacy policy (version {{version}}). The consent stands until I withdraw it; I can withdraw it by replying to any of your letters.",
  consentLabel: "I consent to the processing of my personal data",
  privacyLink: "Privacy policy",
  submit: "Send the questionnaire",
  submitting: "Sending…",
  draftRestored: "We restored the answers you started on this device.",
  versionChanged: "The questions changed while you were filling in the questionnaire. Your answers are kept — please check them and send the questionnaire again.",
  errors: {
    consentRequired: "To send the questionnaire, please consent to the processing of your personal data.",
    consentChanged: "The consent text changed while the questionnaire was open. Please read it and tick the box again.",
    fixBelow: "Please check your answers: some have errors, marked below.",
    tooMany: "Too many questionnaires came from this address. Please try again in an hour.",
  },
  thanksTitle: "Thank you, the questionnaire is sent",
  thanks: "We received your answers for the vacancy \"{{title}}\". A recruiter will contact you once they have read them.",
  answeredTitle: "You have already answered",
  answered: "We already have your answers for the vacancy \"{{title}}\" — thank you! There is no need to fill in the questionnaire again.",
  expiredTitle: "The link has expired",
  expired: "The questionnaire link for the vacancy \"{{title}}\" no longer works. Please ask your recruiter for a new link — reply to their letter or give them a call.",
  notFoundTitle: "Questionnaire not found",
  notFound: "The link is wrong or no longer works. Check that the whole address was copied, or ask your recruiter for a new link.",
  tooLargeTitle: "The questionnaire is too large",
  tooLarge: "We accept questionnaires of up to {{max}} KB. Nothing was saved: go back to the questionnaire — what you typed is still on this device.",
  backToForm: "Back to the questionnaire",
  open: {
    title: "Questionnaire for the vacancy",
    intro: "Tell us about yourself and answer the questions — this helps us see sooner whether the job suits you.",
    personLegend: "About you",
    contactHint: "Give an email or a phone number — at least one, so we can reply.",
    honeypot: "Do not fill in this field",
    thanks: "We received your questionnaire for the vacancy \"{{title}}\". A recruiter will contact you once they have read it.",
  },
  stage: {
    rejected: "Questionnaire: {{reasons}}",
    passed: "Questionnaire passed, score {{score}} of 100",
  },
  privacy: {
    title: "Privacy policy",
    version: "Text version: {{version}}",
    intro:
      "This policy explains which personal data of candidates the hiring company that runs its recruiting through this site processes, why and for how long, and what you can do about it.",
    sections: {
      controllerTitle: "Who processes the data",
      controller:
        "The data controller is the hiring company that opened the vacancy. Only its staff who run the hiring see the data: recruiters, hiring managers and department heads. We do not sell your data or pass it to other companies.",
      dataTitle: "Which data",
      data:
        "What you told us yourself (in an application, a questionnaire, a letter or on the phone) or published in a resume on job sites: your name, contacts, city, work history, salary expectations, your answers to the questionnaire, and the history of our contacts with you.",
      purposeTitle: "Why",
      purpose:
        "Only for recruiting: to consider you for this and other vacancies of the company, to contact you, invite you to interviews and make a decision. Questionnaire answers are compared with the vacancy's requirements.",
      basisTitle: "On what basis",
      basis:
        "Your consent, which you give by sending an application or a questionnaire (Russian Federal Law No. 152-FZ \"On Personal Data\"). We do not accept a questionnaire without it.",
      storageTitle: "Where and for how long",
      storage:
        "The data is kept on servers in Russia for as long as your consent stands or the hiring it is needed for goes on. Resume uploads nobody confirmed are deleted after 7 days.",
      rightsTitle: "Your rights",
      rights:
        "You can learn which data we hold about you, correct it, stop our letters (every letter has an unsubscribe link), withdraw your consent or ask us to erase your data. Just reply to any of our letters or tell the recruiter. Erased data cannot be restored.",
    },
  },
};
