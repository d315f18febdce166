import { Navigate, useParams } from 'react-router';
import { usePublicProcedure } from '../../../api/public.ts';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useT } from '../../../i18n/index.tsx';
import { PATHS } from '../../../paths.ts';
import { useProcedureByCode } from './api.ts';
import OnlineSubmitPage from './OnlineSubmitPage.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /nop-truc-tuyen/<procedure code> (e.g. SNV-VL-001): finds the procedure by its code and opens the
 * online application. An older link by the procedure's id is sent on to the address by code.
 */
export default function OnlineSubmitRoute() {
  const { procedure = '' } = useParams();
  const byId = UUID.test(procedure);
  return byId ? <RedirectFromId id={procedure} /> : <ByCode code={procedure} />;
}

function ByCode({ code }: { code: string }) {
  const t = useT();
  const found = useProcedureByCode(code, true);
  if (found.data) return <OnlineSubmitPage procedureId={found.data.id} />;
  return (
    <div className="narrow">
      <QueryStatus query={found} notFound={{ title: t.procedure.notFound, body: t.procedure.notFoundBody }} />
    </div>
  );
}

function RedirectFromId({ id }: { id: string }) {
  const t = useT();
  const p = usePublicProcedure(id);
  if (p.data) return <Navigate to={PATHS.onlineSubmit(p.data.code)} replace />;
  return (
    <div className="narrow">
      <QueryStatus query={p} notFound={{ title: t.procedure.notFound, body: t.procedure.notFoundBody }} />
    </div>
  );
}
