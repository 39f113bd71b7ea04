import type { ReactNode } from "react";
import { isAppError } from "@/lib/server/errors";
import { AppErrorNotice } from "@/components/ui/notice";

/**
 * A page whose expected refusals (403, 404, …) show as a notice rather than the crash page, e.g.
 * a household opening a staff page reads "没有权限": `export default withNotice(async function Page() {…})`.
 */
export function withNotice<Props>(page: (props: Props) => Promise<ReactNode>): (props: Props) => Promise<ReactNode> {
  return async (props) => {
    try {
      return await page(props);
    } catch (error) {
      if (isAppError(error)) return <AppErrorNotice error={error} />;
      throw error;
    }
  };
}
