import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

/**
 * Where a person goes from a page a one-time link opened, once its form is done or was done
 * before (GOV.UK: a page that ends a task says what can be done next, never a dead end).
 */
export function NextSteps({ about }: { about: 'feedback' | 'dossier' }) {
  const n = useT().tokenPages;
  const links =
    about === 'feedback'
      ? [
          { to: PATHS.feedbackPublished, label: n.feedbackPublished },
          { to: PATHS.feedback, label: n.feedbackAnother },
        ]
      : [
          { to: PATHS.lookup, label: n.lookup },
          { to: PATHS.home, label: n.home },
        ];
  return (
    <nav aria-labelledby="next-steps-title" className="next-steps">
      <h2 id="next-steps-title">{n.nextHeading}</h2>
      <ul className="list">
        {links.map((l) => (
          <li key={l.to}>
            <Link className="link" to={l.to}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
