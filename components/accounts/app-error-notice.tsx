import type { ReactNode } from "react";
import { AppErrorNotice } from "@/components/ui/notice";
import { isAppError } from "@/lib/server/errors";

/** Renders a page, showing expected refusals from its loading as a notice. */
export async function renderOrNotice(render: () => Promise<ReactNode>): Promise<ReactNode> {
  try {
    return await render();
  } catch (error) {
    if (isAppError(error)) return <AppErrorNotice error={error} />;
    throw error;
  }
}

/**
 * A page whose expected refusals show as a notice, e.g. a household opening a staff page gets
 * "没有权限" rather than the crash page: `export default withNotice(async function Page() {…})`.
 */
export function withNotice<Props>(page: (props: Props) => Promise<ReactNode>): (props: Props) => Promise<ReactNode> {
  return (props) => renderOrNotice(() => page(props));
}
