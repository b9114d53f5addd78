/** Russian: the default language. Keys are grouped by screen; en.ts must have the same keys. */
export const ru = {
  app: { name: "KAM Hiring", skipToContent: "Перейти к содержимому" },
  nav: {
    home: "Главная",
    vacancies: "Вакансии",
    candidates: "Кандидаты",
    outreach: "Рассылки и звонки",
    questionnaires: "Анкеты",
    interviews: "Собеседования",
    probation: "Испытательный срок",
    handover: "Клиенты и передача",
    analytics: "Аналитика",
    outbox: "Исходящие письма",
    admin: "Пользователи",
    signOut: "Выйти",
    language: "Язык",
  },
  roles: {
    ADMIN: "Администратор",
    RECRUITER: "Рекрутер",
    HIRING_MANAGER: "Нанимающий менеджер",
    DEPARTMENT_HEAD: "Руководитель отдела",
  },
  auth: {
    title: "Вход",
    email: "Эл. почта",
    password: "Пароль",
    submit: "Войти",
    invalid: "Неверная эл. почта или пароль.",
    tooMany: "Слишком много неудачных попыток. Попробуйте снова через {{minutes}} мин.",
    signedOut: "Вы вышли из системы.",
    expired: "Сессия истекла, войдите снова.",
  },
  validation: {
    required: "Заполните это поле.",
    email: "Введите адрес эл. почты, например name@company.ru.",
    tooLong: "Слишком длинное значение (не более {{max}} символов).",
    passwordTooShort: "Пароль должен быть не короче 10 символов.",
    roleRequired: "Выберите хотя бы одну роль.",
    invalidRole: "Такой роли нет.",
    invalidChoice: "Выберите значение из списка.",
    emailTaken: "Пользователь с такой эл. почтой уже есть.",
  },
  errors: {
    forbiddenTitle: "Нет доступа",
    forbidden: "У вашей роли нет доступа к этому разделу. Обратитесь к администратору.",
    notFoundTitle: "Не найдено",
    notFound: "Такой страницы нет. Проверьте адрес или вернитесь на главную.",
    unexpectedTitle: "Что-то пошло не так",
    unexpected: "Произошла ошибка. Обновите страницу; если не поможет, сообщите администратору.",
    backHome: "На главную",
  },
  common: { save: "Сохранить", cancel: "Отмена", coming: "Скоро", saved: "Сохранено." },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof ru>;
