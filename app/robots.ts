import type { MetadataRoute } from "next";

// Search engines may list only what the township means to publish; everything else is somebody's
// archive and stays out even where a page would refuse them anyway (robots.txt is advice, the
// pages' own authorization is the boundary).
//   /honour           the honour board is public recognition the township chose to publish (it
//                     shows nothing while unpublished), so being found is its purpose.
//   /verify (exactly) a school or employer holding an extract should find where to check it; a
//                     result (/verify/<code>) describes one family's archive and is never listed.
//   /villages/…/rules a village's rules are adopted by public vote and meant to be known.
// Not listed: public notices (公示) name households with yellow and black marks for the village
// board, not for the whole internet and not forever; the sign-in page serves only staff and
// households who are given the address.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: ["/honour", "/verify$", "/villages/*/rules"], disallow: "/" },
  };
}
