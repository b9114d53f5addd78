import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { type ComponentType, createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/i18n";
import { loader as rootLoader } from "~/root";
import { i18nFor } from "~/ui/i18n-instance";

/**
 * A page's HTML as the server renders it: the real root loader (which picks the
 * signed-in user's language) and the route's own loader run on the request, then the
 * route's component renders with their data. Remix renders through the same
 * react-router static handler; the document shell (<Meta>, <Scripts>) is left out.
 */
export async function renderRoute(
  request: Request,
  route: {
    path: string;
    loader: (args: LoaderFunctionArgs) => Promise<Response>;
    /** For a POST request: the action runs first and the page renders with its data, as after a refused submit. */
    action?: (args: ActionFunctionArgs) => Promise<Response>;
    Component: ComponentType;
  },
  context: Record<string, unknown> = {},
): Promise<string> {
  const routes = [
    {
      id: "root",
      path: "/",
      loader: ({ request }: { request: Request }) => rootLoader({ request, params: {}, context }),
      Component: Outlet,
      children: [
        {
          id: "page",
          path: route.path.replace(/^\//, ""),
          loader: (args: Omit<LoaderFunctionArgs, "context">) => route.loader({ ...args, context }),
          ...(route.action ? { action: (args: Omit<ActionFunctionArgs, "context">) => route.action!({ ...args, context }) } : {}),
          Component: route.Component,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const result = await handler.query(request);
  if (result instanceof Response) throw new Error(`the page answered ${result.status} ${result.headers.get("Location") ?? ""}`);
  if (result.errors) throw new Error(`a loader failed: ${JSON.stringify(result.errors)}`);
  const root = result.loaderData.root as { locale?: unknown } | undefined;
  const router = createStaticRouter(handler.dataRoutes, result);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: i18nFor(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE) },
      createElement(StaticRouterProvider, { router, context: result, hydrate: false }),
    ),
  );
}

/** The text of every element carrying `attribute`, tags stripped and entities decoded. */
export function textsOf(html: string, attribute: string): string[] {
  const open = new RegExp(`<(\\w+)[^>]*\\s${attribute}(?:="[^"]*")?[^>]*>`, "g");
  return [...html.matchAll(open)].map((m) => {
    const start = m.index + m[0].length;
    // The element ends at its own closing tag, past any nested element of the same name.
    const tags = new RegExp(`<(/?)${m[1]}[\\s>]`, "g");
    tags.lastIndex = start;
    let depth = 1;
    let end = html.length;
    for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
      depth += tag[1] ? -1 : 1;
      if (depth === 0) {
        end = tag.index;
        break;
      }
    }
    return decode(html.slice(start, end).replace(/<[^>]+>/g, ""));
  });
}

const decode = (text: string) =>
  text.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
