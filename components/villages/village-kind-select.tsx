import { useTranslations } from "next-intl";
import { Field, fieldProps, inputClass } from "@/components/ui/field";

export function VillageKindSelect({ id, defaultValue, error }: { id: string; defaultValue?: string; error?: string }) {
  const t = useTranslations("villages");
  return (
    <Field id={id} label={t("kind")} error={error}>
      <select {...fieldProps(id, error)} name="kind" defaultValue={defaultValue ?? "VILLAGE"} className={inputClass}>
        <option value="VILLAGE">{t("kindVILLAGE")}</option>
        <option value="COMMUNITY">{t("kindCOMMUNITY")}</option>
      </select>
    </Field>
  );
}
