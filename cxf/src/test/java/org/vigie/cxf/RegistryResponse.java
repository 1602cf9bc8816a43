package org.vigie.cxf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code rs:RegistryResponse} as a JAX-WS client unmarshals it. */
@XmlRootElement(name = "RegistryResponse", namespace = Iti41Port.RS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RegistryResponseType", namespace = Iti41Port.RS)
public class RegistryResponse {

    @XmlAttribute(name = "status", required = true)
    public String status;

    @XmlElement(name = "RegistryErrorList", namespace = Iti41Port.RS)
    public ErrorList errorList;

    /** {@code rs:RegistryErrorList}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RegistryErrorList", namespace = Iti41Port.RS)
    public static class ErrorList {
        @XmlAttribute(name = "highestSeverity")
        public String highestSeverity;

        @XmlElement(name = "RegistryError", namespace = Iti41Port.RS)
        public List<Error> errors = new ArrayList<>();
    }

    /** {@code rs:RegistryError}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RegistryError", namespace = Iti41Port.RS)
    public static class Error {
        @XmlAttribute(name = "errorCode", required = true)
        public String errorCode;
        @XmlAttribute(name = "codeContext", required = true)
        public String codeContext;
        @XmlAttribute(name = "location")
        public String location;
        @XmlAttribute(name = "severity", required = true)
        public String severity;
    }

    /** @return the error codes */
    public List<String> errorCodes() {
        return errorList == null ? List.of() : errorList.errors.stream().map(e -> e.errorCode).toList();
    }
}
