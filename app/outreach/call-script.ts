import { type AppLocale } from "~/i18n/i18n";

/**
 * What a recruiter says on the phone when a vacancy has no call script of its own
 * (Vacancy.callScript). It follows the method (METHOD.md §2, the core article in
 * seeds/004): everyone sourced has had the vacancy as a selling letter inviting them to
 * a competition for the job; the call makes sure they saw it, and invites them to
 * invest in it by filling in the questionnaire. The numbers in brackets are the
 * outcome keys of the call page. Merge fields in {{double braces}} are filled per
 * candidate, as in the selling letter.
 */

export const CALL_SCRIPT_FIELDS = ["firstName", "middleName", "vacancyTitle", "city", "salaryRange", "recruiterName"] as const;
export type CallScriptField = (typeof CALL_SCRIPT_FIELDS)[number];

const RU = `1. Знакомство
«{{firstName}} {{middleName}}, добрый день! Меня зовут {{recruiterName}}, я отвечаю за подбор менеджера по работе с ключевыми клиентами. Удобно говорить пару минут?»
— Неудобно: «Когда вам перезвонить?» → [2] Перезвонить.

2. Зачем звоню
«Мы открыли конкурс на место: {{vacancyTitle}}, {{city}}. Я отправлял(а) вам письмо с описанием работы — успели посмотреть?»
— Не видел(а): в двух фразах — кто мы, какие клиенты, доход {{salaryRange}}.

3. Почему именно вы
«Ваш опыт в нашей отрасли — как раз то, что нужно нашим клиентам: они покупают на десятки миллионов в год, решения принимают технические директора и закупщики.»

4. Несколько вопросов
— Рассматриваете сейчас предложения?
— Сколько ключевых клиентов ведёте и какой у них оборот?
— Какой доход для вас интересен?

5. Как проходит конкурс
«Отбор идёт по делу, а не по резюме: короткая анкета (10–15 минут), групповое интервью с руководителем отдела и испытательный срок с понятной задачей на обучающих клиентах. Клиентов передаём постепенно.»

6. Приглашение
«Предлагаю поучаствовать: пришлю ссылку на анкету на почту. Подходит?»
— Да → [3] Интересно (анкета уйдёт сама).
— Нет → спросить почему → [4] Не интересно и причина.

Если спросят
— «Откуда у вас мой номер?» — «Из вашего резюме на сайте вакансий. Если не хотите, чтобы мы звонили, скажите — больше не побеспокоим.»
— «Сколько платят?» — «{{salaryRange}}: оклад, процент от оборота и бонусы; подробности — после анкеты.»
— «Я сейчас не ищу» — «Понимаю. Можно пришлю описание? Конкурс идёт около трёх недель.»

Не тот человек или номер не отвечает — [5] Неверный номер. Заметка к звонку — клавиша N.`;

const EN = `1. Introduction
"Good afternoon, {{firstName}}! My name is {{recruiterName}}, I am hiring a key account manager. Do you have a couple of minutes?"
— Not now: "When may I call you back?" → [2] Call back.

2. Why I am calling
"We have opened a competition for the job: {{vacancyTitle}}, {{city}}. I sent you a letter describing it — have you had a chance to read it?"
— Not seen it: in two sentences — who we are, which clients, pay {{salaryRange}}.

3. Why you
"Your experience in our industry is what our clients need: each buys tens of millions of roubles a year, and the decisions are made by technical directors and procurement."

4. A few questions
— Are you open to offers now?
— How many key clients do you look after, and what is their turnover?
— What pay would interest you?

5. How the competition works
"We choose by the work, not by the CV: a short questionnaire (10–15 minutes), a group interview with the head of department, and a probation with a clear task on training clients. Clients are handed over gradually."

6. The invitation
"Would you like to take part? I will e-mail you the questionnaire link. Does that suit you?"
— Yes → [3] Interested (the questionnaire goes out by itself).
— No → ask why → [4] Not interested, with the reason.

If they ask
— "Where did you get my number?" — "From your CV on a job site. If you would rather we did not call, say so and we will not call again."
— "What does it pay?" — "{{salaryRange}}: base, a share of turnover and bonuses; the details after the questionnaire."
— "I am not looking" — "I understand. May I send you the description? The competition runs for about three weeks."

Wrong person, or the number is not theirs — [5] Wrong number. A note on the call — key N.`;

export const DEFAULT_CALL_SCRIPTS: Record<AppLocale, string> = { ru: RU, en: EN };

export function defaultCallScript(locale: AppLocale): string {
  return DEFAULT_CALL_SCRIPTS[locale];
}

/**
 * The script with the candidate's and the vacancy's values put in. A field without a
 * value becomes "…" (the recruiter fills it in by voice); any other {{braces}} stay.
 */
export function fillCallScript(script: string, values: Partial<Record<CallScriptField, string | null>>): string {
  return script
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      if (!(CALL_SCRIPT_FIELDS as readonly string[]).includes(name)) return whole;
      const value = values[name as CallScriptField]?.trim();
      return value || "…";
    })
    // No middle name: "Ирина, добрый день", not "Ирина …, добрый день".
    .replace(/(\S) …,/g, "$1,");
}
