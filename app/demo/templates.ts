import { type TemplateFields } from "~/outreach/template-form";

/**
 * The demo's message templates: the main vacancy's selling letter (METHOD.md §2: the
 * vacancy as a selling letter inviting to a competition for the job, what the
 * company offers, why it is worth it, and one next step, the short questionnaire),
 * and one general template of every other kind, in Russian and English.
 */
export type DemoTemplate = TemplateFields & { createdById: string };

const SELLING_RU = `{{firstName}}, добрый день!

Меня зовут {{recruiterName}}, я отвечаю за подбор в «ПромТехСнаб». С 2004 года мы поставляем насосное и компрессорное оборудование заводам, водоканалам и теплосетям, и сейчас открываем **конкурс на две позиции менеджера по работе с ключевыми клиентами (KAM)** в Москве.

Почему пишу именно вам: ваш опыт B2B-продаж — ровно то, что нужно нашим клиентам. Каждый из них покупает у нас на десятки миллионов рублей в год, а решения принимают технические директора и службы закупок, с которыми нужно говорить на одном языке.

**Что мы предлагаем**

- 8–12 ключевых клиентов с историей и понятным потенциалом роста;
- доход {{salaryRange}}: оклад, процент от оборота и квартальные бонусы, без потолка;
- клиентов передаём постепенно, вместе с руководителем отдела, а не «с завтрашнего дня»;
- инженеры компании готовят с вами технические решения, склад в Москве отгружает за 1–2 дня;
- офис у м. Калужская.

**Почему это стоит вашего времени**

Ключевые клиенты приносят компании основную выручку, и менеджер, который их ведёт, — одна из самых ценных фигур в отделе. Здесь вы растёте вместе с оборотом своих клиентов, а не с планом холодных звонков, и у вас есть поддержка руководителя и инженеров.

**Как проходит конкурс**

Скажу честно: на каждое место претендуют несколько сильных менеджеров, и выбираем мы по делу, а не по резюме.

1. Короткая анкета — около 10 минут.
2. Групповое интервью с руководителем отдела.
3. Испытательный срок с понятной задачей на обучающих клиентах.

Весь отбор занимает около трёх недель, и на каждом шаге вы знаете, где находитесь.

**Следующий шаг** — [заполните короткую анкету]({{questionnaireLink}}). Если есть вопросы, ответьте на это письмо или напишите мне на [{{recruiterEmail}}](mailto:{{recruiterEmail}}).

С уважением,
{{recruiterName}}
«ПромТехСнаб»`;

const SELLING_EN = `Dear {{firstName}},

My name is {{recruiterName}}, and I run hiring at PromTechSnab. Since 2004 we have supplied pumps and compressors to factories, water utilities and heating networks, and we are now opening **a competition for two Key Account Manager (KAM) positions** in Moscow.

Why I am writing to you: your B2B sales experience is exactly what our clients need. Each of them buys tens of millions of roubles' worth from us a year, and the decisions are made by technical directors and procurement teams who expect a partner who speaks their language.

**What we offer**

- 8–12 key clients with a history and clear room to grow;
- pay of {{salaryRange}}: base salary, a share of turnover and quarterly bonuses, with no ceiling;
- clients are handed over gradually, together with the head of department, not "from tomorrow";
- our engineers prepare technical solutions with you, and the Moscow warehouse ships in 1–2 days;
- an office near Kaluzhskaya metro station.

**Why it is worth your time**

Key clients bring the company most of its revenue, and the manager who looks after them is one of the most valued people in the department. You grow with your clients' turnover, not with a cold-calling quota, backed by your head of department and our engineers.

**How the competition works**

To be honest: several strong managers compete for each position, and we choose on merit, not on a CV.

1. A short questionnaire, about 10 minutes.
2. A group interview with the head of department.
3. A probation period with a clear task on training clients.

The whole selection takes about three weeks, and at every step you know where you stand.

**The next step**: [fill in the short questionnaire]({{questionnaireLink}}). If you have questions, reply to this letter or write to me at [{{recruiterEmail}}](mailto:{{recruiterEmail}}).

Kind regards,
{{recruiterName}}
PromTechSnab`;

type Texts = Omit<DemoTemplate, "vacancyId" | "createdById">;

const GENERAL: readonly Texts[] = [
  {
    kind: "QUESTIONNAIRE_INVITATION",
    name: "Приглашение заполнить анкету",
    subjectRu: "{{firstName}}, анкета по вакансии «{{vacancyTitle}}» — 10 минут",
    bodyRu: `{{firstName}}, здравствуйте!

Спасибо за интерес к вакансии «{{vacancyTitle}}» ({{city}}). Следующий шаг конкурса — короткая анкета: она показывает, насколько вакансия подходит именно вам, и помогает нам не тратить ваше время на лишние встречи.

[Заполнить анкету]({{questionnaireLink}})

Анкета занимает около 10 минут. Отправляя её, вы соглашаетесь на обработку персональных данных.

С уважением,
{{recruiterName}}`,
    subjectEn: "{{firstName}}, the questionnaire for “{{vacancyTitle}}” takes 10 minutes",
    bodyEn: `Dear {{firstName}},

Thank you for your interest in the “{{vacancyTitle}}” vacancy ({{city}}). The next step of the competition is a short questionnaire: it shows how well the job suits you and saves you meetings that would lead nowhere.

[Fill in the questionnaire]({{questionnaireLink}})

It takes about 10 minutes. By sending it you agree to the processing of your personal data.

Kind regards,
{{recruiterName}}`,
  },
  {
    kind: "INTERVIEW_INVITATION",
    name: "Приглашение на групповое собеседование",
    subjectRu: "Приглашение на собеседование: {{interviewTime}}",
    bodyRu: `{{firstName}}, здравствуйте!

По итогам анкеты приглашаем вас на групповое собеседование по вакансии «{{vacancyTitle}}».

- **Когда:** {{interviewTime}}
- **Где:** {{interviewPlace}}
- **Сколько длится:** около двух часов

На встрече будет руководитель отдела: он расскажет о клиентах и задачах, а вы сможете задать любые вопросы.

Пожалуйста, [подтвердите участие или выберите другое время]({{rsvpLink}}) — так мы сохраним место для вас.

С уважением,
{{recruiterName}}`,
    subjectEn: "Invitation to an interview: {{interviewTime}}",
    bodyEn: `Dear {{firstName}},

Following your questionnaire, we invite you to a group interview for the “{{vacancyTitle}}” vacancy.

- **When:** {{interviewTime}}
- **Where:** {{interviewPlace}}
- **How long:** about two hours

The head of department will be there to talk about the clients and the job, and to answer your questions.

Please [confirm or choose another time]({{rsvpLink}}) so that we keep a seat for you.

Kind regards,
{{recruiterName}}`,
  },
  {
    kind: "REMINDER",
    name: "Напоминание об анкете",
    subjectRu: "{{firstName}}, ваша анкета ещё ждёт вас",
    bodyRu: `{{firstName}}, здравствуйте!

Несколько дней назад мы пригласили вас в конкурс на вакансию «{{vacancyTitle}}». Анкета пока не заполнена, а мы скоро начинаем собеседования.

Если вакансия вам интересна, [заполните анкету]({{questionnaireLink}}) — это около 10 минут. Если нет — просто не отвечайте, больше напоминаний не будет.

С уважением,
{{recruiterName}}`,
    subjectEn: "{{firstName}}, your questionnaire is still waiting",
    bodyEn: `Dear {{firstName}},

A few days ago we invited you to the competition for the “{{vacancyTitle}}” vacancy. Your questionnaire is not filled in yet, and interviews start soon.

If the job interests you, [fill in the questionnaire]({{questionnaireLink}}); it takes about 10 minutes. If not, there is no need to reply: this is the only reminder.

Kind regards,
{{recruiterName}}`,
  },
  {
    kind: "REJECTION",
    name: "Отказ после отбора",
    subjectRu: "Вакансия «{{vacancyTitle}}»: итоги отбора",
    bodyRu: `{{firstName}}, здравствуйте!

Спасибо, что уделили время конкурсу на вакансию «{{vacancyTitle}}». В этот раз мы выбрали других кандидатов: их опыт оказался ближе к нашим текущим клиентам.

Это решение не о ваших способностях. Если вы не против, мы сохраним ваши данные и напишем, когда откроется подходящая позиция.

С уважением,
{{recruiterName}}`,
    subjectEn: "“{{vacancyTitle}}”: the outcome of the selection",
    bodyEn: `Dear {{firstName}},

Thank you for the time you gave to the competition for the “{{vacancyTitle}}” vacancy. This time we chose other candidates whose experience is closer to our current clients.

This is not a judgement of your abilities. If you do not mind, we will keep your details and write when a suitable position opens.

Kind regards,
{{recruiterName}}`,
  },
  {
    kind: "OFFER",
    name: "Оффер и испытательный срок",
    subjectRu: "{{firstName}}, приглашаем вас в команду",
    bodyRu: `{{firstName}}, здравствуйте!

Рады сообщить: по итогам конкурса мы приглашаем вас на позицию «{{vacancyTitle}}» — начнём с испытательного срока.

**Как он устроен**

- Вы начинаете с обучающих клиентов, а не с ключевых: у них понятная цель, например рост оборота на 30% за срок.
- Критерии прохождения мы согласуем с вами заранее, в первый же день.
- Рядом руководитель отдела: он передаёт клиентов постепенно и помогает на встречах.

Ответьте на это письмо, чтобы согласовать дату выхода, — я пришлю документы и план первой недели.

С уважением,
{{recruiterName}}`,
    subjectEn: "{{firstName}}, welcome to the team",
    bodyEn: `Dear {{firstName}},

We are glad to tell you that after the competition we are offering you the “{{vacancyTitle}}” position, starting with a probation period.

**How it works**

- You start with training clients, not the key ones, with a clear goal such as growing their turnover by 30% over the period.
- We agree the pass criteria with you up front, on your first day.
- The head of department is beside you, hands clients over gradually and joins your meetings.

Reply to this letter to agree your start date, and I will send the documents and the plan for your first week.

Kind regards,
{{recruiterName}}`,
  },
  {
    kind: "CLIENT_NOTICE",
    name: "Клиенту: смена менеджера",
    subjectRu: "{{clientName}}: кто теперь отвечает за вашу работу с {{companyName}}",
    bodyRu: `Здравствуйте!

Хочу честно рассказать, что у нас изменилось: менеджер, который вёл вашу компанию, ушёл. Пока мы не убедимся, что новый менеджер справляется, работу с {{clientName}} я взял на свой личный контроль.

Вместе со мной с вами будет работать **{{newManagerName}}**. Я буду регулярно звонить вам, чтобы узнать, всё ли идёт как нужно, и прошу честно говорить, если что-то не так.

Прошу прощения за эти перемены и благодарю за терпение.

С уважением,
руководитель отдела по работе с ключевыми клиентами
{{companyName}}`,
    subjectEn: "{{clientName}}: who now looks after your work with {{companyName}}",
    bodyEn: `Hello,

I want to tell you plainly what has changed: the manager who looked after your company has left. Until we are sure the new manager is doing well, I have taken the work with {{clientName}} under my personal control.

**{{newManagerName}}** will work with you alongside me. I will call you regularly to hear whether everything is going as it should, and I ask you to tell me frankly if it is not.

I apologise for the change and thank you for your patience.

Kind regards,
Head of Key Accounts
{{companyName}}`,
  },
];

export function demoTemplates({ mainVacancyId, createdById }: { mainVacancyId: string; createdById: string }): DemoTemplate[] {
  return [
    {
      kind: "SELLING_LETTER",
      name: "Продающее письмо: KAM, Москва",
      vacancyId: mainVacancyId,
      subjectRu: "{{firstName}}, приглашаем в конкурс на место KAM в «ПромТехСнаб»",
      bodyRu: SELLING_RU,
      subjectEn: "{{firstName}}, join the competition for a KAM position at PromTechSnab",
      bodyEn: SELLING_EN,
      createdById,
    },
    ...GENERAL.map((t) => ({ ...t, vacancyId: null, createdById })),
  ];
}
