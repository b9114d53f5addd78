import { Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { type AppLocale } from "~/i18n/i18n";
import { useLocale } from "./use-locale";

export type PersonName = {
  firstName: string;
  lastName: string;
  middleName?: string | null;
};

/** Russian order is "Фамилия Имя Отчество"; English readers expect "First Last". */
export function formatPersonName(person: PersonName, locale: AppLocale): string {
  const parts =
    locale === "ru"
      ? [person.lastName, person.firstName, person.middleName]
      : [person.firstName, person.lastName];
  return parts.filter(Boolean).join(" ");
}

/**
 * A candidate's name linking to their page, or "data erased" when they asked for
 * erasure (the server sends no name then).
 */
export function CandidateLink({
  id,
  name,
}: {
  id: string;
  name: PersonName | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Link to={`/candidates/${id}`} className={name ? undefined : "muted"}>
      {name ? formatPersonName(name, locale) : t("candidates.erasedName")}
    </Link>
  );
}
