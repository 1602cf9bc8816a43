package org.vigie.testkit;

import java.io.ByteArrayOutputStream;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Node;

/** Exclusive c14n of a DOM subtree (Santuario canonicaliser; digests and RSA are checked with the JDK). */
final class ExcC14n {
    static {
        org.apache.xml.security.Init.init();
    }

    private ExcC14n() {
    }

    static byte[] canonicalize(Node node, String prefixList) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer c = Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        if (prefixList == null) {
            c.canonicalizeSubtree(node, out);
        } else {
            c.canonicalizeSubtree(node, prefixList, out);
        }
        return out.toByteArray();
    }
}
