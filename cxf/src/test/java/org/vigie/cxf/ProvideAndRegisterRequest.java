package org.vigie.cxf;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMimeType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** {@code xdsb:ProvideAndRegisterDocumentSetRequest}: the metadata as DOM, each document as an MTOM-able DataHandler. */
@XmlRootElement(name = "ProvideAndRegisterDocumentSetRequest", namespace = Iti41Port.XDSB)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ProvideAndRegisterDocumentSetRequestType", namespace = Iti41Port.XDSB, propOrder = {"submitObjectsRequest", "documents"})
public class ProvideAndRegisterRequest {

    @XmlAnyElement
    public Element submitObjectsRequest;

    @XmlElement(name = "Document", namespace = Iti41Port.XDSB)
    public List<Document> documents = new ArrayList<>();

    /** {@code xdsb:Document}: base64Binary content with an id, sent as an XOP attachment when MTOM is on. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DocumentType", namespace = Iti41Port.XDSB)
    public static class Document {
        @XmlAttribute(name = "id", required = true)
        public String id;

        @XmlValue
        @XmlMimeType("application/octet-stream")
        public DataHandler value;
    }
}
